package com.accountview.projector.offsets;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * What one consumer (one consumer thread) knows about its own partitions: which it is assigned,
 * which are not yet positioned at their stored offsets, their lag, and whether it is failing.
 * Changed only on its consumer's thread; health checks read it from other threads, hence the
 * concurrent collections and volatile fields.
 */
final class ConsumerPartitions {

    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private final Set<TopicPartition> unpositioned = ConcurrentHashMap.newKeySet();
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private final BackOff backOff;
    private volatile boolean everAssigned;
    private volatile AssignedPartitions.Failure failure;
    private boolean recovering;
    private BackOffExecution retries;
    private long nextPositioningAttempt;

    ConsumerPartitions(BackOff backOff) {
        this.backOff = backOff;
    }

    /** Newly assigned partitions: not positioned, lag unknown. */
    void assigned(Collection<TopicPartition> partitions) {
        everAssigned = true;
        assigned.addAll(partitions);
        unposition(partitions);
    }

    /** Revoked or lost: this consumer no longer owns them (another may, already). */
    void revoked(Collection<TopicPartition> partitions) {
        assigned.removeAll(partitions);
        unpositioned.removeAll(partitions);
        partitions.forEach(lag::remove);
    }

    /** These partitions must be sought to their stored offsets before anything more is consumed from them. */
    void unposition(Collection<TopicPartition> partitions) {
        unpositioned.addAll(partitions);
        partitions.forEach(partition -> lag.put(partition, AssignedPartitions.UNKNOWN_LAG));
    }

    /** The unpositioned partitions among those the consumer is assigned now. */
    Set<TopicPartition> unpositionedIn(Set<TopicPartition> assignment) {
        return assignment.stream().filter(unpositioned::contains).collect(Collectors.toSet());
    }

    boolean isPositioned(TopicPartition partition) {
        return assigned.contains(partition) && !unpositioned.contains(partition);
    }

    /** Positioned: the database answered, so whatever failed before is over as far as it can tell. */
    void positioned(Collection<TopicPartition> partitions) {
        unpositioned.removeAll(partitions);
        failure = null;
    }

    /** Whether an attempt to position is due, after the back-off that earlier failures earned. */
    boolean positioningDue(long nowMillis) {
        return nowMillis >= nextPositioningAttempt;
    }

    void positioningFailed(Exception cause, Instant now) {
        failed(cause, now);
        nextPositioningAttempt = now.toEpochMilli() + nextRetryPause();
    }

    /** The pause before the next retry: grows with consecutive failures, until a batch succeeds. */
    long nextRetryPause() {
        if (retries == null) {
            retries = backOff.start();
        }
        return retries.nextBackOff();
    }

    void failed(Exception cause, Instant now) {
        AssignedPartitions.Failure current = failure;
        failure = new AssignedPartitions.Failure(String.valueOf(cause.getMessage()),
                current == null ? now : current.since());
    }

    /** A batch committed: the failure is over, and so is the back-off it earned. */
    void succeeded() {
        failure = null;
        retries = null;
        nextPositioningAttempt = 0;
    }

    boolean isRecovering() {
        return recovering;
    }

    void recovering(boolean recovering) {
        this.recovering = recovering;
    }

    void lag(TopicPartition partition, long records) {
        if (assigned.contains(partition)) {
            lag.put(partition, records);
        }
    }

    boolean everAssigned() {
        return everAssigned;
    }

    AssignedPartitions.Failure failure() {
        return failure;
    }

    Map<TopicPartition, Long> lag() {
        return Map.copyOf(lag);
    }
}
