package com.accountview.projector.projection;

/** What became of one consumed record; every record gets exactly one. */
public enum EventOutcome {
    /** Newer than the stored version (or a Kafka tombstone of a live entity): written. */
    APPLIED,
    /** Sequence equal to the stored version, or a tombstone of an absent or deleted entity. */
    DUPLICATE,
    /** Sequence lower than the stored version. */
    STALE,
    /** A valid envelope of a type this version does not know. */
    UNKNOWN_TYPE,
    /** Malformed: published to the dead-letter topic. */
    DEAD_LETTERED;

    /** The tag value used in metrics and logs. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
