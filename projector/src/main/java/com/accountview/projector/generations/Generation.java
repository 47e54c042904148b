package com.accountview.projector.generations;

import java.time.Instant;

/**
 * One generation of the read model: its rows, partitions and stored offsets are all tagged with
 * {@link #id()}. Exactly one generation is {@link GenerationState#LIVE}; a rebuild builds another
 * beside it. Immutable.
 *
 * @param id the generation number, growing with every rebuild
 * @param state where it is in its life
 * @param projectionVersion the {@link ProjectionVersion} of the code that builds (built) it
 * @param createdAt when the rebuild that builds it started
 * @param liveSince when it became live, or null
 * @param indexedAt when its secondary indexes were built and its tables attached, or null
 * @param requestedBy who or what started it (an operator's note, a version bump)
 */
public record Generation(int id, GenerationState state, int projectionVersion, Instant createdAt, Instant liveSince,
                         Instant indexedAt, String requestedBy) {

    public boolean isLive() {
        return state == GenerationState.LIVE;
    }

    public boolean isBuilding() {
        return state == GenerationState.BUILDING;
    }
}
