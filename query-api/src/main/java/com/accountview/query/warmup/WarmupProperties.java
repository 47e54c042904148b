package com.accountview.query.warmup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;

import com.accountview.query.Settings;

/**
 * The start-up warm-up ({@code accountview.warmup.*}), see {@link Warmup}. Spring Boot validates it
 * when it binds it, at start-up, and reports every wrong setting at once.
 *
 * @param duration    how long the service calls its own API before it reports ready; {@code 0}
 *                    turns the warm-up off. 20 s by default: on two cores the first 30 s after
 *                    readiness got about half the later rate after a warm-up of 10 s, and 79–97% of it
 *                    after one of 20 s (docs/performance.md)
 * @param connections how many of those calls are in flight at once. 4 by default: on two cores more
 *                    made the first 30 s after readiness slower, the warm-up's own callers taking the
 *                    CPU the JIT compilers need (docs/api.md)
 */
@ConfigurationProperties("accountview.warmup")
record WarmupProperties(
        @DefaultValue("20s") Duration duration,
        @DefaultValue("4") int connections) implements Settings {

    boolean enabled() {
        return !duration.isZero();
    }

    /** Rejects every wrong setting at once (see {@link Settings}). */
    @Override
    public void check(Errors errors) {
        Settings.require(errors, "duration", duration != null && !duration.isNegative(),
                "must not be negative; 0 turns the warm-up off");
        Settings.require(errors, "connections", connections >= 1, "must be at least 1");
    }
}
