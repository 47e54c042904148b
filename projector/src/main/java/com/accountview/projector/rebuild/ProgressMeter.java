package com.accountview.projector.rebuild;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;

import com.accountview.projector.TopicsProperties;

/**
 * Measures a rebuild's {@link RebuildProgress}: the generation's stored offsets against the
 * topics' beginnings and ends, and the {@link ConsumptionRate} between measurements. Not thread-safe: one
 * instance, used by the rebuild's supervision thread.
 */
final class ProgressMeter {

    private static final String STORED = """
            SELECT topic, partition, next_offset, applied FROM consumer_offset WHERE generation = :generation
            """;

    private final Jdbi jdbi;
    private final TopicOffsets offsets;
    private final Clock clock;
    private final ConsumptionRate rate = new ConsumptionRate();

    ProgressMeter(Jdbi jdbi, Admin admin, TopicsProperties topics, Clock clock) {
        this.jdbi = jdbi;
        this.offsets = new TopicOffsets(admin, topics);
        this.clock = clock;
    }

    RebuildProgress measure(int generation) throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, long[]> stored = new HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery(STORED).bind("generation", generation)
                .map((rs, ctx) -> Map.entry(new TopicPartition(rs.getString("topic"), rs.getInt("partition")),
                        new long[] {rs.getLong("next_offset"), rs.getLong("applied")}))
                .forEach(entry -> stored.put(entry.getKey(), entry.getValue())));
        List<TopicPartition> partitions = offsets.partitions();
        Map<TopicPartition, Long> ends = offsets.at(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets.at(partitions, OffsetSpec.earliest());

        Map<String, Long> lag = new HashMap<>();
        long consumed = 0;
        long applied = 0;
        for (TopicPartition partition : partitions) {
            long start = starts.get(partition);
            long end = ends.get(partition);
            long[] row = stored.get(partition);
            long next = row == null ? start : Math.max(start, row[0]);
            lag.merge(partition.topic(), Math.max(0, end - next), Long::sum);
            consumed += next - start;
            applied += row == null ? 0 : row[1];
        }
        Instant now = clock.instant();
        return new RebuildProgress(generation, now, applied, consumed, lag, rate.measured(generation, now, consumed));
    }
}
