package com.accountview.projector.offsets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import com.accountview.projector.ProjectionProperties;

/**
 * The one owner of the partitions this instance's consumers are assigned: it pauses a partition
 * from its assignment until it has been sought to the offset stored in PostgreSQL with the read
 * model, resumes it then, measures its lag, commits the stored offsets to Kafka (for lag tooling
 * only), and forgets it when it is revoked or lost.
 *
 * <p>After any failed batch, {@link #recover} pauses every assigned partition and, once the
 * database answers, seeks every one of them back to its stored offset before anything more is
 * consumed. The stored offsets are thus the only source of a position after a failure: records a
 * consumer fetched and never applied are fetched again, never skipped. There is no in-memory retry.
 *
 * <p>Thread-safe: each consumer thread has a state of its own, keyed by its consumer, so a late
 * callback of one thread (a partition lost after another thread was assigned it) never touches
 * what another thread owns. Health checks read a snapshot from any thread.
 */
public final class AssignedPartitions implements ConsumerAwareRebalanceListener {

    /** The lag of an assigned partition that has not been measured since it was positioned. */
    public static final long UNKNOWN_LAG = -1;

    private static final Logger log = LoggerFactory.getLogger(AssignedPartitions.class);
    /** While recovering, the consumer keeps polling (all paused) this often, to stay in its group. */
    private static final long POLL_SLICE_MILLIS = 100;

    private final BackOff backOff;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Consumer<?, ?>, ConsumerPartitions> consumers = new ConcurrentHashMap<>();
    private final Counter batchFailures;
    private final PendingPositions pendingPositions;
    private final PartitionLag partitionLag;
    private final PositionsOutOfRange outOfRange;

    /** Why batches or positioning currently fail, and since when. */
    public record Failure(String reason, Instant since) {
    }

    /**
     * What the health check needs.
     *
     * @param assigned whether the consumer group has assigned this instance partitions at least once
     * @param lag per assigned partition, records behind the end, {@link #UNKNOWN_LAG} where not measured
     * @param failure the oldest current failure of any consumer, or null while all succeed
     */
    public record Status(boolean assigned, Map<TopicPartition, Long> lag, Failure failure) {
    }

    /** The owner for one generation's consumption, backing off after failures as the properties say. */
    public static AssignedPartitions forGeneration(StoredOffsets offsets, int generation, ProjectionProperties properties,
                                                   MeterRegistry registry) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        return new AssignedPartitions(offsets, generation, backOff, registry, Clock.systemUTC());
    }

    /** The container's error handler that goes with this owner (see {@link RepositionAfterFailure}). */
    public CommonErrorHandler errorHandler() {
        return new RepositionAfterFailure(this);
    }

    public AssignedPartitions(StoredOffsets offsets, int generation, BackOff backOff, MeterRegistry registry,
                              Clock clock) {
        this.backOff = backOff;
        this.registry = registry;
        this.clock = clock;
        this.batchFailures = Counter.builder("accountview.projector.batch.failures")
                .description("Batches that failed to apply and were rolled back, to be consumed again")
                .tag("generation", String.valueOf(generation))
                .register(registry);
        this.pendingPositions = new PendingPositions(offsets, generation, clock, registry);
        this.partitionLag = new PartitionLag(generation, registry, consumers::values);
        this.outOfRange = new PositionsOutOfRange(offsets, generation, registry);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        ConsumerPartitions state = stateOf(consumer);
        state.assigned(partitions);
        if (partitions.isEmpty()) {
            return;
        }
        consumer.pause(partitions);
        if (!state.isRecovering() && pendingPositions.position(consumer, state, true)) {
            // during a recovery, the recovery positions everything at its end. Measured now, readiness
            // need not wait for the first batch or idle poll (seconds, on caught-up topics)
            partitionLag.measureIfBrokerAnswers(consumer, state);
        } else {
            // a provisional position, never fetched from (the partition is paused until positioned):
            // without a reset policy, the next poll would fail a partition that has no committed offset
            consumer.seekToBeginning(state.unpositionedIn(Set.copyOf(partitions)));
        }
    }

    @Override
    public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        stateOf(consumer).revoked(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        stateOf(consumer).revoked(partitions);
    }

    /**
     * Before a batch is applied, on the consumer's thread: positions partitions still waiting for
     * their stored offsets (the database was down when they were assigned), if an attempt is due.
     *
     * @throws IllegalStateException if a record comes from a partition not positioned by this
     *                               owner: applying it could skip records, so the batch must fail
     */
    public void beforeBatch(Consumer<?, ?> consumer, List<? extends ConsumerRecord<?, ?>> records) {
        ConsumerPartitions state = stateOf(consumer);
        // a batch holds its records partition by partition: one check per run of a partition, not a
        // new TopicPartition hashed per record (docs/performance.md, "Where the projector's CPU goes")
        TopicPartition current = null;
        for (ConsumerRecord<?, ?> record : records) {
            if (current != null && current.partition() == record.partition()
                    && current.topic().equals(record.topic())) {
                continue;
            }
            current = new TopicPartition(record.topic(), record.partition());
            if (!state.isPositioned(current)) {
                throw new IllegalStateException("Record of " + current + " at offset " + record.offset()
                        + " was fetched from a position the stored offsets did not choose");
            }
        }
        pendingPositions.position(consumer, state, false);
    }

    /**
     * After a batch committed, on the consumer's thread: commits the stored offsets to Kafka
     * (asynchronously: the database holds the truth, Kafka's copy serves lag tooling) and measures
     * the lag of the consumer's partitions.
     */
    public void committed(Consumer<?, ?> consumer, Map<TopicPartition, Long> storedNextOffsets) {
        ConsumerPartitions state = stateOf(consumer);
        state.succeeded();
        Set<TopicPartition> assignment = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        storedNextOffsets.forEach((partition, next) -> {
            if (assignment.contains(partition)) {
                commit.put(partition, new OffsetAndMetadata(next));
            }
        });
        if (!commit.isEmpty()) {
            consumer.commitAsync(commit, (committed, failure) -> {
                if (failure != null) {
                    log.debug("Kafka did not take the committed offsets {} (the database has them): {}", committed,
                            failure.toString());
                }
            });
        }
        // the batch committed: a broker slow to give end offsets must not make it look failed
        partitionLag.measureIfBrokerAnswers(consumer, state);
    }

    /** The consumer has been idle for a while: position what is pending (paused partitions deliver nothing) and measure. */
    public void idle(Consumer<?, ?> consumer) {
        ConsumerPartitions state = stateOf(consumer);
        pendingPositions.position(consumer, state, false);
        partitionLag.measureIfBrokerAnswers(consumer, state);
    }

    /**
     * After a failed batch, on the consumer's thread (the container's error handler): pauses every
     * assigned partition, and waits with capped exponential back-off — polling all the while, so
     * that the consumer stays in its group and takes part in rebalances — until the database
     * answers; then seeks every assigned partition, old or newly assigned, to its stored offset and
     * resumes it. Returns early, leaving everything paused and unpositioned, when {@code running}
     * turns false.
     */
    public void recover(Consumer<?, ?> consumer, BooleanSupplier running, Exception failure) {
        batchFailures.increment();
        stateOf(consumer).failed(failure, clock.instant());
        reposition(consumer, running);
    }

    /**
     * After a batch whose generation was retired or cancelled while it waited: as {@link #recover},
     * but nothing failed (it is not counted, and health does not report it); the consumption stops
     * at the next check of the generations.
     */
    void recoverAfterGenerationEnded(Consumer<?, ?> consumer, BooleanSupplier running) {
        reposition(consumer, running);
    }

    private void reposition(Consumer<?, ?> consumer, BooleanSupplier running) {
        ConsumerPartitions state = stateOf(consumer);
        state.recovering(true);
        try {
            Set<TopicPartition> assignment = consumer.assignment();
            consumer.pause(assignment);
            state.unposition(assignment);
            do {
                // back off first: the batch may have failed because the database went away just now,
                // and a batch that keeps failing must not be retried in a tight loop
                pollWhilePaused(consumer, state.nextRetryPause(), running);
            } while (running.getAsBoolean() && !pendingPositions.position(consumer, state, true));
        } catch (WakeupException stopping) {
            log.info("Consumer woken up while recovering; its partitions stay paused until positioned again");
        } finally {
            state.recovering(false);
        }
    }

    /**
     * After the broker found positions out of range, on the consumer's thread (the container's
     * error handler): records what was lost or sets the stored offset back, and seeks on (see
     * {@link PositionsOutOfRange}); if the broker or the database does not answer, recovers as
     * after a failed batch, which seeks to the stored offsets again.
     */
    public void outOfRange(Consumer<?, ?> consumer, BooleanSupplier running, Map<TopicPartition, Long> positions) {
        try {
            outOfRange.reposition(consumer, positions);
        } catch (WakeupException | InterruptException e) {
            throw e; // the container stopping: not ours to swallow
        } catch (RuntimeException e) {
            log.warn("Could not find where {} can go on from the positions {} out of range; recovering: {}",
                    positions.keySet(), positions, e.toString());
            recover(consumer, running, e);
        }
    }

    private void pollWhilePaused(Consumer<?, ?> consumer, long millis, BooleanSupplier running) {
        long until = clock.millis() + millis;
        do {
            // everything assigned is paused (new assignments are paused by onPartitionsAssigned), so
            // nothing is returned; whatever would be is fetched again after the seek to the stored offsets
            consumer.poll(Duration.ofMillis(Math.max(0, Math.min(POLL_SLICE_MILLIS, until - clock.millis()))));
        } while (running.getAsBoolean() && clock.millis() < until);
    }

    /** Removes this owner's meters, when its generation's consumption ends. */
    public void close() {
        partitionLag.close();
        pendingPositions.close();
        registry.remove(batchFailures);
        outOfRange.close();
    }

    /** A snapshot over every consumer of this instance. */
    public Status status() {
        boolean assigned = false;
        Map<TopicPartition, Long> lag = new HashMap<>();
        Failure oldest = null;
        for (ConsumerPartitions state : consumers.values()) {
            assigned |= state.everAssigned();
            lag.putAll(state.lag());
            Failure failure = state.failure();
            if (failure != null && (oldest == null || failure.since().isBefore(oldest.since()))) {
                oldest = failure;
            }
        }
        return new Status(assigned, lag, oldest);
    }

    private ConsumerPartitions stateOf(Consumer<?, ?> consumer) {
        return consumers.computeIfAbsent(consumer, c -> new ConsumerPartitions(backOff));
    }

}
