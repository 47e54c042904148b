package com.accountview.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The application rules of docs/events.md applied the simplest way: one record at a time, in
 * delivery order, onto a map of entities. A versioned event is applied only if its
 * {@link VersionKey} beats the stored one (a delete keeps its version as a tombstone row); a Kafka
 * tombstone deletes a stored entity whatever its version and keeps the version. This is the
 * reference that faster projections are checked against, and what {@code generate --reference}
 * writes; it is deliberately unoptimized. Not thread-safe.
 *
 * @param <S> the state an event carries, in whatever form the caller keeps it
 */
public final class ReferenceFold<S> {

    /** An entity: a key is unique per topic, so per kind. */
    public record Key(EntityKind kind, UUID id) {
    }

    /**
     * What the read model stores for one entity.
     *
     * @param version the version key of the event that wrote it (deleted also after a tombstone)
     * @param orgId the organization of that event
     * @param state the state it carries, null when deleted
     */
    public record Stored<S>(VersionKey version, String orgId, S state) {

        public boolean deleted() {
            return version.deleted();
        }
    }

    private final Map<Key, Stored<S>> entities = new LinkedHashMap<>();

    /**
     * A versioned event of a known type.
     *
     * @param state the full state it carries, or null for a delete
     * @return whether it was applied
     */
    public boolean event(Key key, VersionKey version, String orgId, S state) {
        Stored<S> current = entities.get(key);
        if (current != null && version.compareTo(current.version()) <= 0) {
            return false;
        }
        entities.put(key, new Stored<>(version, orgId, version.deleted() ? null : state));
        return true;
    }

    /**
     * A Kafka tombstone of the key.
     *
     * @return whether it deleted a live entity (an absent or deleted one stays as it is)
     */
    public boolean tombstone(Key key) {
        Stored<S> current = entities.get(key);
        if (current == null || current.deleted()) {
            return false;
        }
        entities.put(key, new Stored<>(current.version().tombstoned(), current.orgId(), null));
        return true;
    }

    /** Every entity ever stored, live or deleted, in the order first seen. */
    public Map<Key, Stored<S>> entities() {
        return Collections.unmodifiableMap(entities);
    }

    /** Forgets what was folded so far, for callers that write it out as they go. */
    public void clear() {
        entities.clear();
    }
}
