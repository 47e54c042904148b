package com.accountview.tools.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

import com.accountview.contract.EntityKind;
import com.accountview.tools.contract.OutgoingRecord;

/**
 * One account or contract as its upstream system sees it while the story is told: its current
 * state, its version, and the records it has produced so far in version order. Not thread-safe.
 */
abstract class SimulatedEntity {

    final UUID id;
    final String org;
    final EntityKind topic;
    final Instant createdAt;
    long sequence;
    Instant updatedAt;
    boolean deleted;
    /** Tombstoned on Kafka: the story of this key is over. */
    boolean ended;
    final List<OutgoingRecord> stream = new ArrayList<>();

    SimulatedEntity(UUID id, String org, EntityKind topic, long firstSequence, Instant createdAt) {
        this.id = id;
        this.org = org;
        this.topic = topic;
        this.createdAt = createdAt;
        this.sequence = firstSequence;
        this.updatedAt = createdAt;
    }

    /** The entity's full state as the {@code data} of its events. */
    abstract void writeData(ObjectNode data);

    boolean live() {
        return !deleted && !ended;
    }
}
