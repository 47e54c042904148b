package com.accountview.projector.offsets;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a consumer does when the broker no longer has a record at the position the stored offsets
 * chose: Kafka's {@code OffsetOutOfRangeException}, which the projector's consumers raise instead
 * of resetting by themselves ({@code auto.offset.reset=none}), because either reset would pass
 * silently (docs/projector.md, "Records the topic no longer has"):
 * <ul>
 * <li>the position is before the partition's first record: the records up to it were deleted
 * (retention, {@code deleteRecords}) before this generation applied them. They are gone; the loss
 * is logged as an error and counted, and consumption goes on from the first record;</li>
 * <li>the position is past the partition's end: the topic was deleted and created again, or
 * truncated. The stored offset describes records that no longer exist, and the batch's check would
 * skip every new record below it as already applied; so the stored offset is set back to the
 * first record, and the partition is consumed again from there (the application rules make the
 * records applied before harmless).</li>
 * </ul>
 * Runs on the consumer's thread, between polls. Thread-safe.
 */
final class PositionsOutOfRange {

    private static final Logger log = LoggerFactory.getLogger(PositionsOutOfRange.class);
    /** On the consumer's thread: a broker that does not answer in time makes the attempt fail, to be tried again. */
    private static final Duration OFFSETS_TIMEOUT = Duration.ofSeconds(5);

    private final StoredOffsets offsets;
    private final int generation;
    private final MeterRegistry registry;
    // registered at 0 from the start, so that an alert on their increase sees the first one
    private final Counter lost;
    private final Counter rewound;

    PositionsOutOfRange(StoredOffsets offsets, int generation, MeterRegistry registry) {
        this.offsets = offsets;
        this.generation = generation;
        this.registry = registry;
        this.lost = Counter.builder("accountview.projector.records.lost")
                .description("Offsets whose records were deleted from the topic before they were applied (records, or"
                        + " transaction markers); consumption went on after them")
                .tag("generation", String.valueOf(generation))
                .register(registry);
        this.rewound = Counter.builder("accountview.projector.offsets.rewound")
                .description("Partitions whose stored offset was past their end, consumed again from their beginning")
                .tag("generation", String.valueOf(generation))
                .register(registry);
    }

    /**
     * Seeks each partition to where consumption can go on, after recording what was lost or
     * setting its stored offset back.
     *
     * @param positions the positions the broker found out of range, by partition
     * @throws RuntimeException if the broker or the database did not answer; nothing was sought then
     *                          but what was fully handled, and the caller recovers as after a failed batch
     */
    void reposition(Consumer<?, ?> consumer, Map<TopicPartition, Long> positions) {
        Set<TopicPartition> partitions = positions.keySet();
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, OFFSETS_TIMEOUT);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, OFFSETS_TIMEOUT);
        positions.forEach((partition, position) -> {
            long start = starts.get(partition);
            long end = ends.get(partition);
            if (position < start) {
                log.error("The records at offsets {} to {} of {} were deleted from the topic (retention or"
                                + " deleteRecords) before generation {} applied them: {} offsets lost, consumption"
                                + " goes on from offset {}. What they carried is missing from the read model until"
                                + " later events of the same entities arrive",
                        position, start - 1, partition, generation, start - position, start);
                lost.increment(start - position);
                consumer.seek(partition, start);
            } else if (position > end) {
                boolean setBack = offsets.rewind(generation, partition, end, start);
                log.error("The stored offset {} of {} is past the partition's end {}: the topic was deleted and created"
                                + " again, or truncated. Generation {} consumes it again from offset {} (stored offset"
                                + " set back: {})", position, partition, end, generation, start, setBack);
                rewound.increment();
                consumer.seek(partition, start);
            } else {
                // in range by the time we asked (records appended, or a stale leader answered): fetch again
                log.info("Offset {} of {} was out of range and is not any more ({} to {}); fetching it again",
                        position, partition, start, end);
                consumer.seek(partition, position);
            }
        });
    }

    /** Removes this generation's meters, when its consumption ends. */
    void close() {
        registry.remove(lost);
        registry.remove(rewound);
    }
}
