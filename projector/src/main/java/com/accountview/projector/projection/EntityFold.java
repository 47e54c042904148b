package com.accountview.projector.projection;

import java.math.BigInteger;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.accountview.contract.VersionKey;
import com.accountview.projector.events.EntityEvent;
import com.accountview.projector.events.EntityEvent.AccountDeleted;
import com.accountview.projector.events.EntityEvent.ContractDeleted;
import com.accountview.projector.events.EntityEvent.EntityTombstoned;
import com.accountview.projector.events.EntityEvent.UnknownTypeReceived;
import com.accountview.projector.events.EntityEvent.Versioned;

/**
 * Folds the events of one batch for one kind of entity, in delivery order, onto the stored
 * versions: per entity the greatest {@link VersionKey} wins (a higher sequence; at an equal one a
 * delete, then the greater event id), an event that does not beat the stored version is a
 * duplicate (equal sequence) or stale (lower), a Kafka tombstone deletes whatever the version and
 * keeps it. Pure and deterministic; not thread-safe (one instance per batch).
 *
 * <p>A batch whose statements run chunk by chunk folds into one instance across its chunks: the
 * stored versions of each chunk's entities are {@link #read} as they come (those of entities seen
 * in an earlier chunk are the fold's own by then), and each chunk writes what it changed
 * ({@link #writesSinceLast()}, {@link #tombstonedSinceLast()}). An entity changed again in a later
 * chunk is written again, with a greater version key than its earlier write: the upsert's guard lets
 * it replace that write, so the final row is the one a single write would have left.
 */
final class EntityFold {

    private final Map<UUID, VersionKey> stored;
    private final Set<UUID> read;
    private final Map<UUID, EntityWrite> writes = new LinkedHashMap<>();
    private final Set<UUID> tombstoned = new LinkedHashSet<>();
    private final Set<UUID> writtenSinceLast = new LinkedHashSet<>();
    private final Set<UUID> tombstonedSinceLast = new LinkedHashSet<>();

    /** A fold whose stored versions are {@link #read} as the batch's chunks come. */
    EntityFold() {
        this(Map.of());
    }

    /** @param stored the stored versions of the batch's entities; absent entities are missing */
    EntityFold(Map<UUID, VersionKey> stored) {
        this.stored = new LinkedHashMap<>(stored);
        this.read = new HashSet<>(stored.keySet());
    }

    /** Of the given entities, those whose stored version this fold has not read yet. */
    Set<UUID> unread(Collection<UUID> ids) {
        Set<UUID> unread = new LinkedHashSet<>();
        for (UUID id : ids) {
            if (!read.contains(id)) {
                unread.add(id);
            }
        }
        return unread;
    }

    /**
     * The stored versions of entities not seen before in this batch.
     *
     * @param ids the entities read
     * @param versions their stored versions; absent entities are missing
     */
    void read(Collection<UUID> ids, Map<UUID, VersionKey> versions) {
        for (UUID id : ids) {
            if (read.add(id) && versions.containsKey(id)) {
                stored.put(id, versions.get(id));
            }
        }
    }

    /** Applies one event in delivery order and returns its outcome. */
    EventOutcome on(EntityEvent event) {
        if (event instanceof UnknownTypeReceived) {
            return EventOutcome.UNKNOWN_TYPE;
        }
        if (event instanceof EntityTombstoned tombstone) {
            return onTombstone(tombstone.entityId());
        }
        return onVersioned((Versioned) event);
    }

    private EventOutcome onVersioned(Versioned event) {
        UUID id = event.entityId();
        BigInteger sequence = event.metadata().sequence();
        boolean deleted = event instanceof AccountDeleted || event instanceof ContractDeleted;
        VersionKey incoming = new VersionKey(sequence, deleted, event.metadata().id());
        VersionKey current = stored.get(id);
        if (current != null && incoming.compareTo(current) <= 0) {
            return sequence.equals(current.sequence()) ? EventOutcome.DUPLICATE : EventOutcome.STALE;
        }
        stored.put(id, incoming);
        write(new EntityWrite(id, sequence, deleted, event));
        // a newer version supersedes an earlier tombstone of this batch
        tombstoned.remove(id);
        tombstonedSinceLast.remove(id);
        return EventOutcome.APPLIED;
    }

    private EventOutcome onTombstone(UUID id) {
        VersionKey current = stored.get(id);
        if (current == null || current.deleted()) {
            return EventOutcome.DUPLICATE;
        }
        stored.put(id, current.tombstoned());
        EntityWrite pending = writes.get(id);
        if (pending != null) {
            // the entity changed earlier in this batch: write it deleted at that version
            write(new EntityWrite(id, pending.version(), true, pending.source()));
        } else {
            tombstoned.add(id);
            tombstonedSinceLast.add(id);
        }
        return EventOutcome.APPLIED;
    }

    private void write(EntityWrite write) {
        writes.put(write.entityId(), write);
        writtenSinceLast.add(write.entityId());
    }

    /** Entities whose version changed in this batch, with their final state. */
    List<EntityWrite> writes() {
        return List.copyOf(writes.values());
    }

    /** Entities deleted by a Kafka tombstone at their stored version (no newer version in this batch). */
    Set<UUID> tombstoned() {
        return Set.copyOf(tombstoned);
    }

    /** Entities whose state changed since the last call (or the start), with their state now. */
    List<EntityWrite> writesSinceLast() {
        List<EntityWrite> since = writtenSinceLast.stream().map(writes::get).toList();
        writtenSinceLast.clear();
        return since;
    }

    /**
     * Entities deleted by a Kafka tombstone at their stored version since the last call (or the
     * start), and not changed since by a newer version of this batch.
     */
    Set<UUID> tombstonedSinceLast() {
        Set<UUID> since = Set.copyOf(tombstonedSinceLast);
        tombstonedSinceLast.clear();
        return since;
    }
}
