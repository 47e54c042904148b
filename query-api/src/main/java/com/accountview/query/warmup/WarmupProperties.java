package com.accountview.query.warmup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The start-up warm-up ({@code accountview.warmup.*}), see {@link Warmup}.
 *
 * @param duration    how long the service calls its own API before it reports ready; {@code 0}
 *                    turns the warm-up off
 * @param connections how many of those calls are in flight at once
 */
@ConfigurationProperties("accountview.warmup")
record WarmupProperties(
        @DefaultValue("10s") Duration duration,
        @DefaultValue("4") int connections) {

    WarmupProperties {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("accountview.warmup.duration must not be negative, was " + duration);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("accountview.warmup.connections must be at least 1, was " + connections);
        }
    }

    boolean enabled() {
        return !duration.isZero();
    }
}
