package com.accountview.query.readmodel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the query-api reads the read model ({@code accountview.query.*}).
 *
 * @param timeout       how long one query may run before the request is answered 504
 *                      {@code REPOSITORY_TIMEOUT}; enforced by PostgreSQL as the session's
 *                      {@code statement_timeout}, so it also covers waiting for locks
 * @param healthTimeout how long the database health check (part of readiness) may take before it
 *                      reports DOWN; below the one second that orchestrators give a probe by default
 */
@ConfigurationProperties("accountview.query")
record QueryProperties(
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("500ms") Duration healthTimeout) {

    QueryProperties {
        requirePositive("accountview.query.timeout", timeout);
        requirePositive("accountview.query.health-timeout", healthTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
