package com.accountview.projector.rebuild;

import java.time.Instant;
import java.util.Map;

/**
 * How far a rebuild has come, as every instance can measure it: from the generation's stored
 * offsets and the topics' current ends. Immutable.
 *
 * @param generation the generation being built
 * @param measuredAt when
 * @param eventsApplied events the generation applied so far (the exactly-once count of its stored offsets)
 * @param recordsConsumed records consumed so far (applied, duplicate, stale, skipped or dead-lettered)
 * @param lag per topic, records between the generation's stored offsets and the topic's end
 * @param recordsPerSecond records consumed per second lately; 0 until measured twice
 */
public record RebuildProgress(int generation, Instant measuredAt, long eventsApplied, long recordsConsumed,
                              Map<String, Long> lag, double recordsPerSecond) {

    public RebuildProgress {
        lag = Map.copyOf(lag);
    }

    /** Records left to consume, over all topics. */
    public long totalLag() {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Seconds until caught up at the recent rate; -1 while the rate is unknown. */
    public long etaSeconds() {
        if (totalLag() == 0) {
            return 0;
        }
        return recordsPerSecond <= 0 ? -1 : (long) Math.ceil(totalLag() / recordsPerSecond);
    }
}
