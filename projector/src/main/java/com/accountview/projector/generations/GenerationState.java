package com.accountview.projector.generations;

/** The life of a generation: built, live, then retired and dropped; or cancelled while building. */
public enum GenerationState {
    /** Being built by a rebuild from the beginning of the topics; not visible to queries. */
    BUILDING,
    /** The one generation the query side reads. */
    LIVE,
    /** Replaced by a newer generation; its partitions are dropped after a grace period. */
    RETIRED,
    /** A rebuild was cancelled: its partitions and offsets are gone. */
    CANCELLED,
    /** Retired and its partitions dropped. */
    DROPPED
}
