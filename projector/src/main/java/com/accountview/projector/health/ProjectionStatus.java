package com.accountview.projector.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * What the projector knows about its own progress: whether the last batch failed, and the lag of
 * each assigned partition. Written by the consumer threads, read by health checks and metrics.
 * Thread-safe.
 */
@Component
public class ProjectionStatus {

    private final Clock clock = Clock.systemUTC();
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private volatile Failure failure;

    /** Why batches currently fail, and since when. */
    public record Failure(String reason, Instant since) {
    }

    public void batchSucceeded() {
        failure = null;
    }

    public void batchFailed(Exception cause) {
        Failure current = failure;
        failure = new Failure(String.valueOf(cause.getMessage()), current == null ? clock.instant() : current.since());
    }

    /** The lag of a partition after a poll; unknown lags are not recorded. */
    public void lag(TopicPartition partition, long records) {
        lag.put(partition, records);
    }

    public void revoked(TopicPartition partition) {
        lag.remove(partition);
    }

    /** The current failure, or null while batches succeed. */
    public Failure failure() {
        return failure;
    }

    public Map<TopicPartition, Long> lag() {
        return Map.copyOf(lag);
    }

    public long maxLag() {
        return lag.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
