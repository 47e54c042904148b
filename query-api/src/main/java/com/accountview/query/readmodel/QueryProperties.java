package com.accountview.query.readmodel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;

import com.accountview.query.Settings;

/**
 * How the query-api reads the read model ({@code accountview.query.*}). Spring Boot validates it
 * when it binds it, at start-up, and reports every wrong setting at once.
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
        @DefaultValue("500ms") Duration healthTimeout) implements Settings {

    /** Rejects every wrong setting at once (see {@link Settings}). */
    @Override
    public void check(Errors errors) {
        Settings.requirePositive(errors, "timeout", timeout);
        Settings.requirePositive(errors, "healthTimeout", healthTimeout);
    }
}
