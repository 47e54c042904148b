package com.accountview.projector;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

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
        @DefaultValue("0") int batchThreads) implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return ProjectionProperties.class.equals(type);
    }

    /** Checks the settings once they are bound, and reports every one that is wrong (see {@link Settings}). */
    @Override
    public void validate(Object target, Errors errors) {
        ProjectionProperties settings = (ProjectionProperties) target;
        Settings.check(errors, "readyMaxLag", settings.readyMaxLag >= 0, "must not be negative");
        Settings.checkPositive(errors, "retryInitialInterval", settings.retryInitialInterval);
        Settings.checkPositive(errors, "retryMaxInterval", settings.retryMaxInterval);
        Settings.check(errors, "retryMaxInterval", errors.hasFieldErrors("retryInitialInterval")
                        || errors.hasFieldErrors("retryMaxInterval")
                        || settings.retryMaxInterval.compareTo(settings.retryInitialInterval) >= 0,
                "must not be shorter than accountview.projection.retry-initial-interval (" + settings.retryInitialInterval
                        + ")");
        Settings.checkPositive(errors, "databaseCheckInterval", settings.databaseCheckInterval);
        Settings.check(errors, "batchThreads", settings.batchThreads >= 0, "must not be negative (0: one per processor)");
    }
}
