package com.accountview.projector.rebuild;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.accountview.projector.generations.Generation;

/**
 * What {@code GET /actuator/rebuild} answers: the live generation, and the rebuild in progress if
 * any, with its progress as last measured. Immutable.
 *
 * @param live the generation queries are answered from
 * @param rebuild the generation being built, or null when no rebuild runs
 * @param projectionVersion the projection version of the answering projector
 */
public record RebuildStatus(Live live, Rebuild rebuild, int projectionVersion) {

    /**
     * The status as one read of the generations shows it.
     *
     * @param generations every generation, as one statement read them
     * @param progress the latest measurement of a rebuild, or null; shown only with its generation
     * @param projectionVersion the answering projector's
     */
    static RebuildStatus of(List<Generation> generations, RebuildProgress progress, int projectionVersion) {
        Live live = generations.stream().filter(Generation::isLive).findFirst()
                .map(generation -> new Live(generation.id(), generation.projectionVersion(), generation.liveSince()))
                .orElse(null);
        Rebuild rebuild = generations.stream().filter(Generation::isBuilding).findFirst()
                .map(generation -> Rebuild.of(generation,
                        progress != null && progress.generation() == generation.id() ? progress : null))
                .orElse(null);
        return new RebuildStatus(live, rebuild, projectionVersion);
    }

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

        private static Rebuild of(Generation generation, RebuildProgress progress) {
            String phase = generation.indexedAt() == null ? "BUILDING" : "INDEXED";
            if (progress == null) {
                return new Rebuild(generation.id(), generation.projectionVersion(), generation.createdAt(),
                        generation.requestedBy(), phase, null, null, null, null, null, null, null);
            }
            return new Rebuild(generation.id(), generation.projectionVersion(), generation.createdAt(),
                    generation.requestedBy(), phase, progress.eventsApplied(), progress.recordsConsumed(),
                    progress.lag(), progress.totalLag(), progress.recordsPerSecond(), progress.etaSeconds(),
                    progress.measuredAt());
        }
    }
}
