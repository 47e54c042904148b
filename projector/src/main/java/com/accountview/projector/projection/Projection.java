package com.accountview.projector.projection;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.accountview.contract.EntityKind;
import com.accountview.projector.TopicsProperties;
import com.accountview.projector.deadletters.DeadLetter;
import com.accountview.projector.deadletters.DeadLetters;
import com.accountview.projector.events.EntityEvent;
import com.accountview.projector.events.EventDecoder;
import com.accountview.projector.events.UnableToDecodeEventException;
import com.accountview.projector.offsets.StoredOffsets;

/**
 * Applies one consumed batch to the read model in one transaction: decode, fold per entity onto
 * the stored versions, write the final states set-based, dead-letter what cannot be applied, and
 * advance the stored offsets. Either all of it commits or none of it does; a record at or past
 * its partition's stored offset is applied exactly once, whoever delivers it and however often.
 *
 * <p>A batch that PostgreSQL refuses for a value (not an outage; see {@link RefusedValues}) is
 * split in halves, each applied on its own, down to the one record that carries the value: that
 * record is dead-lettered with the database's message, and everything else is applied. One
 * unforeseen value costs one dead letter, never the partition behind it.
 *
 * <p>One instance per generation of the read model (see {@link Projections}); thread-safe: holds no
 * state between batches.
 */
public class Projection {

    private static final Logger log = LoggerFactory.getLogger(Projection.class);

    /** Fewer records per thread are decoded on the consumer thread: handing them over would cost more. */
    private static final int MIN_RECORDS_PER_THREAD = 64;

    /**
     * Every partition the batch may write, locked for writing before it reads any of them, and in the
     * order the indexing of a rebuilt generation takes them (by name). A rebuild batch that had only
     * read a partition (its stored versions) when the partition was attached then waited to write
     * to it behind the attach, which waited for the read, and PostgreSQL aborted one of them as a
     * deadlock; now the indexing waits for the batch, or the batch for the indexing.
     */
    private static final String LOCK_PARTITIONS = "LOCK TABLE {partitions} IN ROW EXCLUSIVE MODE";

    private final Jdbi jdbi;
    private final int generation;
    private final String consumerGroup;
    private final EventDecoder decoder;
    private final BatchThreads threads;
    private final StoredOffsets offsets;
    private final DeadLetters deadLetters;
    private final ProjectionMetrics metrics;
    private final TopicsProperties topics;
    private final Map<EntityKind, EntityRows> tables = new EnumMap<>(EntityKind.class);
    private final String lockPartitionsSql;

    Projection(Jdbi jdbi, int generation, String consumerGroup, EventDecoder decoder, BatchThreads threads,
               StoredOffsets offsets, DeadLetters deadLetters, ProjectionMetrics metrics, TopicsProperties topics) {
        this.jdbi = jdbi;
        this.generation = generation;
        this.consumerGroup = consumerGroup;
        this.decoder = decoder;
        this.threads = threads;
        this.offsets = offsets;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.topics = topics;
        EntityTable.ALL.forEach(table -> tables.put(table.kind(), new EntityRows(table, generation)));
        this.lockPartitionsSql = LOCK_PARTITIONS.replace("{partitions}",
                tables.values().stream().map(EntityRows::partition).sorted().collect(Collectors.joining(", ")));
    }

    /** Removes this projection's meters, when its generation's consumption ends. */
    public void close() {
        metrics.close();
    }

    /**
     * Applies the batch and returns what became of each record once the transaction committed.
     *
     * @throws RuntimeException on any outage of the database or the broker; nothing of the batch
     *                          (or of the part of it that failed) is then recorded, and the caller
     *                          must consume it again from the stored offsets
     */
    public BatchResult apply(List<ConsumerRecord<byte[], byte[]>> records) {
        return applyIsolatingRefusals(threads.map(records, MIN_RECORDS_PER_THREAD, this::decode));
    }

    private BatchResult applyIsolatingRefusals(List<ConsumedRecord> consumed) {
        try {
            return applyCommitted(consumed);
        } catch (RuntimeException failure) {
            SQLException refusal = RefusedValues.refusal(failure).orElseThrow(() -> failure);
            if (consumed.size() == 1) {
                ConsumedRecord refused = consumed.get(0);
                log.warn("PostgreSQL refused a value of the record topic={} partition={} offset={}; dead-lettering it:"
                        + " {}", refused.raw().topic(), refused.raw().partition(), refused.raw().offset(),
                        refusal.getMessage());
                return applyCommitted(List.of(refused.rejectedFor(new ValueRefusedException(refusal))));
            }
            int half = consumed.size() / 2;
            return applyIsolatingRefusals(consumed.subList(0, half))
                    .then(applyIsolatingRefusals(consumed.subList(half, consumed.size())));
        }
    }

    private BatchResult applyCommitted(List<ConsumedRecord> consumed) {
        long start = System.nanoTime();
        BatchResult result = jdbi.inTransaction(handle -> applyInTransaction(handle, consumed));
        metrics.record(result, Duration.ofNanos(System.nanoTime() - start));
        result.outcomes().forEach(Projection::log);
        return result;
    }

    private ConsumedRecord decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            EntityEvent event = decoder.decode(kindOf(record.topic()), record.key(), record.value(), record.headers());
            return new ConsumedRecord(record, event, null);
        } catch (UnableToDecodeEventException malformed) {
            return new ConsumedRecord(record, null, malformed);
        }
    }

    private EntityKind kindOf(String topic) {
        if (topic.equals(topics.accounts())) {
            return EntityKind.ACCOUNT;
        }
        if (topic.equals(topics.contracts())) {
            return EntityKind.CONTRACT;
        }
        throw new IllegalStateException("Not a topic of the projector: " + topic);
    }

    /*
     * Each loop over the batch's records is a small method of its own (FreshRecords, FoldedBatch,
     * idsOf, partitionsOf): a loop run thousands of times per call is compiled on the stack (OSR),
     * and inside one large method it made C2 compile all of it, three times (docs/performance.md,
     * "Two consumer threads").
     */
    private BatchResult applyInTransaction(Handle handle, List<ConsumedRecord> consumed) {
        TopicPartition[] partitionOf = partitionsOf(consumed);
        Map<TopicPartition, Long> stored = offsets.lock(handle, generation, new LinkedHashSet<>(Arrays.asList(partitionOf)));
        handle.execute(lockPartitionsSql);
        FreshRecords fresh = FreshRecords.of(consumed, partitionOf, stored);

        Map<EntityKind, EntityFold> folds = new EnumMap<>(EntityKind.class);
        tables.forEach((kind, rows) -> folds.put(kind,
                new EntityFold(rows.storedVersions(handle, generation, idsOf(fresh.records(), kind)))));
        FoldedBatch folded = FoldedBatch.of(fresh, folds);
        tables.forEach((kind, rows) -> {
            rows.write(handle, generation, folds.get(kind).writes(), threads);
            rows.tombstone(handle, generation, folds.get(kind).tombstoned());
        });
        // after the writes, which a value PostgreSQL refuses fails (the batch is then split, and
        // dead letters published before would go out once per half), and before their offsets are
        // recorded as consumed
        publishDeadLetters(fresh.records());
        if (!folded.progress().isEmpty()) {
            offsets.advance(handle, generation, folded.progress());
        }
        Map<TopicPartition, Long> nextOffsets = new HashMap<>(stored);
        folded.progress().forEach((partition, advanced) -> nextOffsets.put(partition, advanced.nextOffset()));
        return new BatchResult(folded.outcomes(), consumed.size() - fresh.records().size(), nextOffsets);
    }

    private void publishDeadLetters(List<ConsumedRecord> fresh) {
        List<DeadLetter> rejected = new ArrayList<>();
        for (ConsumedRecord record : fresh) {
            if (record.isRejected()) {
                rejected.add(new DeadLetter(record.raw(), record.rejection(), consumerGroup, generation));
            }
        }
        if (!rejected.isEmpty()) {
            deadLetters.publish(rejected);
        }
    }

    /**
     * Each record's partition, one instance per partition: a batch holds its records partition by
     * partition, and hashing a new {@code TopicPartition} per record into the batch's maps cost 3% of
     * the projector's CPU (JFR, docs/performance.md).
     */
    private static TopicPartition[] partitionsOf(List<ConsumedRecord> consumed) {
        TopicPartition[] partitions = new TopicPartition[consumed.size()];
        Map<TopicPartition, TopicPartition> shared = new HashMap<>();
        TopicPartition current = null;
        for (int i = 0; i < partitions.length; i++) {
            ConsumerRecord<byte[], byte[]> raw = consumed.get(i).raw();
            if (current == null || current.partition() != raw.partition() || !current.topic().equals(raw.topic())) {
                TopicPartition partition = new TopicPartition(raw.topic(), raw.partition());
                current = shared.computeIfAbsent(partition, same -> partition);
            }
            partitions[i] = current;
        }
        return partitions;
    }

    private static Set<UUID> idsOf(List<ConsumedRecord> records, EntityKind kind) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (ConsumedRecord record : records) {
            if (!record.isRejected() && record.event().kind() == kind) {
                ids.add(record.event().entityId());
            }
        }
        return ids;
    }

    private static void log(RecordOutcome outcome) {
        ConsumerRecord<byte[], byte[]> record = outcome.record();
        switch (outcome.outcome()) {
            case DEAD_LETTERED -> {
                if (outcome.eventId() != null) {
                    log.warn("Dead-lettered event id={} topic={} partition={} offset={}: {}", outcome.eventId(),
                            record.topic(), record.partition(), record.offset(), outcome.reason());
                } else {
                    log.warn("Dead-lettered record topic={} partition={} offset={}: {}",
                            record.topic(), record.partition(), record.offset(), outcome.reason());
                }
            }
            case UNKNOWN_TYPE -> log.info("Skipped event of unknown type {} id={} topic={} partition={} offset={}",
                    ((EntityEvent.Versioned) outcome.event()).metadata().type(), outcome.eventId(), record.topic(), record.partition(), record.offset());
            // guarded: the arguments of the two most frequent outcomes cost 1% of the projector's CPU
            // even with their levels off (JFR, docs/performance.md)
            case STALE, DUPLICATE -> {
                if (log.isDebugEnabled()) {
                    log.debug("Skipped {} event {} id={} topic={} partition={} offset={}", outcome.outcome().tag(),
                            outcome.type(), outcome.eventId(), record.topic(), record.partition(), record.offset());
                }
            }
            case APPLIED -> {
                if (log.isTraceEnabled()) {
                    log.trace("Applied event {} id={} topic={} partition={} offset={}",
                            outcome.type(), outcome.eventId(), record.topic(), record.partition(), record.offset());
                }
            }
        }
    }
}
