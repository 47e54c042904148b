package com.accountview.projector;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;

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
        @DefaultValue("0") int batchThreads) implements Settings {

    /** Rejects every wrong setting at once (see {@link Settings}). */
    @Override
    public void check(Errors errors) {
        Settings.require(errors, "readyMaxLag", readyMaxLag >= 0, "must not be negative");
        Settings.requirePositive(errors, "retryInitialInterval", retryInitialInterval);
        Settings.requirePositive(errors, "retryMaxInterval", retryMaxInterval);
        Settings.require(errors, "retryMaxInterval", errors.hasFieldErrors("retryInitialInterval")
                        || errors.hasFieldErrors("retryMaxInterval")
                        || retryMaxInterval.compareTo(retryInitialInterval) >= 0,
                "must not be shorter than accountview.projection.retry-initial-interval (" + retryInitialInterval
                        + ")");
        Settings.requirePositive(errors, "databaseCheckInterval", databaseCheckInterval);
        Settings.require(errors, "batchThreads", batchThreads >= 0, "must not be negative (0: one per processor)");
    }
}
