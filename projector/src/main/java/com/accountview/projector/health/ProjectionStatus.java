package com.accountview.projector.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * What the projector knows about its own progress: whether it has joined its consumer group,
 * whether the last batch failed, and the lag of each assigned partition. Written by the consumer
 * threads, read by health checks and metrics. Thread-safe.
 */
@Component
public class ProjectionStatus {

    /** The lag of an assigned partition that has not been measured yet. */
    public static final long UNKNOWN_LAG = -1;

    private final Clock clock = Clock.systemUTC();
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private volatile boolean assigned;
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

    /** The group gave this instance these partitions (possibly none); their lag is unknown until measured. */
    public void assigned(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> lag.putIfAbsent(partition, UNKNOWN_LAG));
        assigned = true;
    }

    /** The lag of a partition, measured after a poll. */
    public void lag(TopicPartition partition, long records) {
        lag.put(partition, records);
    }

    public void revoked(TopicPartition partition) {
        lag.remove(partition);
    }

    /** Whether the consumer group has assigned partitions to this instance at least once. */
    public boolean isAssigned() {
        return assigned;
    }

    /** The current failure, or null while batches succeed. */
    public Failure failure() {
        return failure;
    }

    /** The lag of one partition, {@link #UNKNOWN_LAG} where not measured yet or not assigned. */
    public long lagOf(TopicPartition partition) {
        return lag.getOrDefault(partition, UNKNOWN_LAG);
    }

    /** The lag of each assigned partition, {@link #UNKNOWN_LAG} where not measured yet. */
    public Map<TopicPartition, Long> lag() {
        return Map.copyOf(lag);
    }
}
