package com.accountview.tools.generate;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.accountview.contract.CloudEvent;
import com.accountview.contract.EventType;
import com.accountview.tools.contract.OutgoingRecord;

/**
 * Writes down each change of an entity as the upstream system would publish it: a structured-mode
 * CloudEvent carrying the entity's full state and its next version, appended to the entity's
 * stream. Not thread-safe.
 */
final class Chronicle {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Randomness random;

    Chronicle(Randomness random) {
        this.random = random;
    }

    void created(SimulatedEntity entity) {
        entity.deleted = false;
        write(entity, "created");
    }

    void updated(SimulatedEntity entity) {
        advance(entity);
        write(entity, "updated");
    }

    /** Deletes and later brings back an entity: a new create with a higher version. */
    void recreated(SimulatedEntity entity) {
        advance(entity);
        entity.deleted = false;
        write(entity, "created");
    }

    void deleted(SimulatedEntity entity) {
        advance(entity);
        entity.deleted = true;
        write(entity, "deleted");
    }

    /** A Kafka tombstone: the key's story ends here. */
    void tombstoned(SimulatedEntity entity) {
        entity.ended = true;
        entity.stream.add(OutgoingRecord.tombstone(entity.topic, entity.id.toString()));
    }

    private void advance(SimulatedEntity entity) {
        // versions grow with every change, mostly by one, sometimes with gaps
        entity.sequence += random.chance(0.1) ? random.between(2, 5) : 1;
        entity.updatedAt = entity.updatedAt.plus(random.pause());
    }

    /** A delete carries only the entity's id; every other event its full state. */
    private void write(SimulatedEntity entity, String action) {
        String eventId = random.uuid().toString();
        ObjectNode data = JSON.createObjectNode();
        if (entity.deleted) {
            data.put(entity.topic.idMember(), entity.id.toString());
        } else {
            entity.writeData(data);
        }
        // the contract compares versions as numbers: an occasional leading zero keeps consumers honest
        String sequence = (random.chance(0.02) ? "0" : "") + entity.sequence;
        CloudEvent event = CloudEvent.of(EventType.of(entity.topic, action), eventId,
                entity instanceof SimulatedAccount ? "/crm" : "/billing", entity.updatedAt.toString(), entity.id,
                entity.org, sequence, data);
        entity.stream.add(OutgoingRecord.event(entity.topic, entity.id.toString(), event.structuredJson()));
    }
}
