package com.accountview.query.readmodel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the query-api reads the read model ({@code accountview.query.*}).
 *
 * @param timeout how long one query may run before the request is answered 504
 *                {@code REPOSITORY_TIMEOUT}; enforced by PostgreSQL as the session's
 *                {@code statement_timeout}, so it also covers waiting for locks
 */
@ConfigurationProperties("accountview.query")
public record QueryProperties(@DefaultValue("2s") Duration timeout) {

    public QueryProperties {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("accountview.query.timeout must be positive, was " + timeout);
        }
    }
}
