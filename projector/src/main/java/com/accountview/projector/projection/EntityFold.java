package com.accountview.projector.projection;

import java.math.BigInteger;
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
 */
final class EntityFold {

    private final Map<UUID, VersionKey> stored;
    private final Map<UUID, EntityWrite> writes = new LinkedHashMap<>();
    private final Set<UUID> tombstoned = new LinkedHashSet<>();

    /** @param stored the stored versions of the batch's entities; absent entities are missing */
    EntityFold(Map<UUID, VersionKey> stored) {
        this.stored = new LinkedHashMap<>(stored);
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
        writes.put(id, new EntityWrite(id, sequence, deleted, event));
        // a newer version supersedes an earlier tombstone of this batch
        tombstoned.remove(id);
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
            writes.put(id, new EntityWrite(id, pending.version(), true, pending.source()));
        } else {
            tombstoned.add(id);
        }
        return EventOutcome.APPLIED;
    }

    /** Entities whose version changed in this batch, with their final state. */
    List<EntityWrite> writes() {
        return List.copyOf(writes.values());
    }

    /** Entities deleted by a Kafka tombstone at their stored version (no newer version in this batch). */
    Set<UUID> tombstoned() {
        return Set.copyOf(tombstoned);
    }
}
