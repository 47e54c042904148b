package com.accountview.projector.offsets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

import com.accountview.projector.generations.GenerationLock;

/**
 * The consumed positions of a generation of the read model, kept in PostgreSQL in the same
 * transaction as the writes they produced. That is what makes the effect exactly-once: a batch
 * locks its partitions' rows, skips what an earlier (or concurrent, zombie) consumer already
 * applied, and advances them before it commits. Stateless and thread-safe.
 */
@Component
public class StoredOffsets {

    // DO UPDATE (not DO NOTHING) so that existing rows are locked too and returned in one round trip;
    // nothing at all is returned once the generation is neither live nor being built (retired, cancelled),
    // which the generation lock taken before this statement keeps true to the end of the transaction
    private static final String LOCK = """
            INSERT INTO consumer_offset AS o (generation, topic, partition, next_offset)
            SELECT :generation, p.topic, p.partition, 0
            FROM unnest(CAST(:topics AS text[]), CAST(:partitions AS int[])) AS p(topic, partition)
            WHERE EXISTS (SELECT 1 FROM generation WHERE id = :generation AND state IN ('LIVE', 'BUILDING'))
            ON CONFLICT (generation, topic, partition) DO UPDATE SET next_offset = o.next_offset
            RETURNING topic, partition, next_offset
            """;

    private static final String ADVANCE = """
            UPDATE consumer_offset o
            SET next_offset = p.next_offset, applied = o.applied + p.applied, updated_at = now()
            FROM unnest(CAST(:topics AS text[]), CAST(:partitions AS int[]), CAST(:next_offsets AS bigint[]),
                        CAST(:applied AS bigint[])) AS p(topic, partition, next_offset, applied)
            WHERE o.generation = :generation AND o.topic = p.topic AND o.partition = p.partition
            """;

    // only while still past the end: a consumer that has applied the partition's new records since has moved it on
    private static final String REWIND = """
            UPDATE consumer_offset
            SET next_offset = :start, updated_at = now()
            WHERE generation = :generation AND topic = :topic AND partition = :partition AND next_offset > :end
            """;

    private static final String READ = """
            SELECT topic, partition, next_offset
            FROM consumer_offset
            WHERE generation = :generation AND topic = ANY(CAST(:topics AS text[]))
            """;

    private final Jdbi jdbi;

    public StoredOffsets(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Locks the rows of the given partitions for the rest of the transaction (creating missing ones
     * at offset 0) and returns the next offset to apply in each. Locks in a fixed order, so two
     * consumers that overlap for a moment wait for each other instead of deadlocking. Takes the
     * {@link GenerationLock} first: a switch or a cancel in progress is waited for, and then seen
     * (the statement after the wait takes a snapshot of its own).
     *
     * @throws GenerationEndedException if the generation is no longer live or being built
     */
    public Map<TopicPartition, Long> lock(Handle handle, int generation, Collection<TopicPartition> partitions) {
        List<TopicPartition> ordered = new ArrayList<>(partitions);
        ordered.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        GenerationLock.whileFeeding(handle, generation);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        handle.createQuery(LOCK)
                .bind("generation", generation)
                .bindArray("topics", String.class, ordered.stream().map(TopicPartition::topic).toList())
                .bindArray("partitions", String.class, ordered.stream().map(tp -> String.valueOf(tp.partition())).toList())
                .map((rs, ctx) -> Map.entry(new TopicPartition(rs.getString("topic"), rs.getInt("partition")),
                        rs.getLong("next_offset")))
                .forEach(entry -> offsets.put(entry.getKey(), entry.getValue()));
        if (offsets.size() < ordered.size()) {
            throw new GenerationEndedException(generation);
        }
        return offsets;
    }

    /** Records the batch's progress; call in the transaction that {@link #lock locked} the rows. */
    public void advance(Handle handle, int generation, Map<TopicPartition, PartitionProgress> progress) {
        List<Map.Entry<TopicPartition, PartitionProgress>> entries = List.copyOf(progress.entrySet());
        handle.createUpdate(ADVANCE)
                .bind("generation", generation)
                .bindArray("topics", String.class, entries.stream().map(e -> e.getKey().topic()).toList())
                .bindArray("partitions", String.class, entries.stream().map(e -> String.valueOf(e.getKey().partition())).toList())
                .bindArray("next_offsets", String.class, entries.stream().map(e -> String.valueOf(e.getValue().nextOffset())).toList())
                .bindArray("applied", String.class, entries.stream().map(e -> String.valueOf(e.getValue().applied())).toList())
                .execute();
    }

    /**
     * Sets a partition's stored offset back to {@code start} if it is past {@code end}: the topic
     * was created again or truncated, and the records it counted as applied are not the ones there now.
     *
     * @return whether the stored offset was set back
     */
    boolean rewind(int generation, TopicPartition partition, long end, long start) {
        return jdbi.withHandle(handle -> handle.createUpdate(REWIND)
                .bind("generation", generation)
                .bind("topic", partition.topic())
                .bind("partition", partition.partition())
                .bind("end", end)
                .bind("start", start)
                .execute()) > 0;
    }

    /** The stored next offsets of the given topics, for seeking on partition assignment. */
    public Map<TopicPartition, Long> read(int generation, Collection<String> topics) {
        return jdbi.withHandle(handle -> {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            handle.createQuery(READ)
                    .bind("generation", generation)
                    .bindArray("topics", String.class, List.copyOf(topics))
                    .map((rs, ctx) -> Map.entry(new TopicPartition(rs.getString("topic"), rs.getInt("partition")),
                            rs.getLong("next_offset")))
                    .forEach(entry -> offsets.put(entry.getKey(), entry.getValue()));
            return offsets;
        });
    }
}
