package com.accountview.projector;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the projector consumes ({@code accountview.projection.*}). Batch size and concurrency are
 * Spring Kafka's own settings: {@code spring.kafka.consumer.max-poll-records} and
 * {@code spring.kafka.listener.concurrency}.
 *
 * @param readyMaxLag the projector reports ready while no assigned partition lags by more records
 * @param retryInitialInterval the first pause before a failed batch is retried
 * @param retryMaxInterval the cap of the exponential back-off; retries never stop
 * @param databaseCheckInterval how often readiness checks, in the background, that PostgreSQL answers
 * @param batchThreads threads that decode a batch and encode its rows (the consumer thread among
 *                     them); 0 for one per available processor
 */
@ConfigurationProperties("accountview.projection")
public record ProjectionProperties(
        @DefaultValue("1000") long readyMaxLag,
        @DefaultValue("200ms") Duration retryInitialInterval,
        @DefaultValue("10s") Duration retryMaxInterval,
        @DefaultValue("2s") Duration databaseCheckInterval,
        @DefaultValue("0") int batchThreads) {

    public ProjectionProperties {
        if (readyMaxLag < 0) {
            throw new IllegalArgumentException("accountview.projection.ready-max-lag must not be negative");
        }
        if (retryInitialInterval.isNegative() || retryInitialInterval.isZero()
                || retryMaxInterval.compareTo(retryInitialInterval) < 0) {
            throw new IllegalArgumentException(
                    "accountview.projection.retry-initial-interval must be positive and at most retry-max-interval");
        }
        if (batchThreads < 0) {
            throw new IllegalArgumentException("accountview.projection.batch-threads must not be negative (0: one per processor)");
        }
        if (databaseCheckInterval.isNegative() || databaseCheckInterval.isZero()) {
            throw new IllegalArgumentException("accountview.projection.database-check-interval must be positive");
        }
    }
}
