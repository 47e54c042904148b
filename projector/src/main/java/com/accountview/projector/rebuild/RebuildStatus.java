package com.accountview.projector.rebuild;

import java.time.Instant;
import java.util.Map;

/**
 * What {@code GET /actuator/rebuild} answers: the live generation, and the rebuild in progress if
 * any, with its progress as last measured. Immutable.
 *
 * @param live the generation queries are answered from
 * @param rebuild the generation being built, or null when no rebuild runs
 * @param projectionVersion the projection version of the answering projector
 */
public record RebuildStatus(Live live, Rebuild rebuild, int projectionVersion) {

    /** @param generation the id; {@code projectionVersion} the version that built it */
    public record Live(int generation, int projectionVersion, Instant liveSince) {
    }

    /**
     * @param phase {@code BUILDING} from the beginning of the topics, then {@code INDEXED} once it
     *              caught up and got its indexes, right before it goes live
     * @param lag per topic, records left to consume; null until measured
     * @param etaSeconds at the recent rate; -1 while unknown
     */
    public record Rebuild(int generation, int projectionVersion, Instant startedAt, String requestedBy, String phase,
                          Long eventsApplied, Long recordsConsumed, Map<String, Long> lag, Long totalLag,
                          Double recordsPerSecond, Long etaSeconds, Instant measuredAt) {
    }
}
