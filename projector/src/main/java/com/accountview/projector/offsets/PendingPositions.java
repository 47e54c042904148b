package com.accountview.projector.offsets;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Positions a consumer's partitions that wait for their stored offsets (newly assigned, or
 * unpositioned by a failure): seeks each to the offset stored with one generation's read model,
 * from the beginning where none is stored, and resumes it. Until then the partitions stay paused,
 * so nothing is consumed from a position the stored offsets did not choose. Runs on the consumer's
 * thread; thread-safe.
 */
final class PendingPositions {

    private static final Logger log = LoggerFactory.getLogger(PendingPositions.class);

    private final StoredOffsets offsets;
    private final int generation;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Counter failures;

    PendingPositions(StoredOffsets offsets, int generation, Clock clock, MeterRegistry registry) {
        this.offsets = offsets;
        this.generation = generation;
        this.clock = clock;
        this.registry = registry;
        this.failures = Counter.builder("accountview.projector.positioning.failures")
                .description("Attempts to read the stored offsets that failed; the partitions stay paused meanwhile")
                .tag("generation", String.valueOf(generation))
                .register(registry);
    }

    /**
     * Seeks the consumer's unpositioned partitions to their stored offsets and resumes them, if the
     * database can be read now. A failed read is counted, logged and recorded in {@code state}, whose
     * back-off then says when the next attempt is due.
     *
     * @param now whether to try now, whatever the back-off of earlier failed attempts
     * @return whether every assigned partition is positioned
     */
    boolean position(Consumer<?, ?> consumer, ConsumerPartitions state, boolean now) {
        Set<TopicPartition> pending = state.unpositionedIn(consumer.assignment());
        if (pending.isEmpty()) {
            return true;
        }
        if (!now && !state.positioningDue(clock.millis())) {
            return false;
        }
        Map<TopicPartition, Long> stored;
        try {
            stored = offsets.read(generation, pending.stream().map(TopicPartition::topic).distinct().toList());
        } catch (RuntimeException e) {
            failures.increment();
            state.positioningFailed(e, clock.instant());
            log.warn("Could not read the stored offsets of {}; they stay paused until the database answers: {}",
                    pending, e.toString());
            return false;
        }
        Set<TopicPartition> fromBeginning = pending.stream().filter(tp -> !stored.containsKey(tp))
                .collect(Collectors.toSet());
        if (!fromBeginning.isEmpty()) {
            consumer.seekToBeginning(fromBeginning);
        }
        pending.stream().filter(stored::containsKey).forEach(tp -> consumer.seek(tp, stored.get(tp)));
        consumer.resume(pending);
        state.positioned(pending);
        log.info("Positioned {} at their stored offsets {} (no stored offset, from the beginning: {})",
                pending, stored, fromBeginning);
        return true;
    }

    /** Removes the counter, when the generation's consumption ends. */
    void close() {
        registry.remove(failures);
    }
}
