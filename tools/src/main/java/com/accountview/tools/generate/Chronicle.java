package com.accountview.tools.generate;

import com.accountview.tools.contract.OutgoingRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", random.uuid().toString());
        event.put("source", entity instanceof SimulatedAccount ? "/crm" : "/billing");
        event.put("type", entity.topic.type(action));
        event.put("time", entity.updatedAt.toString());
        event.put("subject", entity.id.toString());
        event.put("orgid", entity.org);
        // the contract compares versions as numbers: an occasional leading zero keeps consumers honest
        event.put("sequence", (random.chance(0.02) ? "0" : "") + entity.sequence);
        event.put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data");
        if (entity.deleted) {
            data.put(entity.topic.idMember(), entity.id.toString());
        } else {
            entity.writeData(data);
        }
        entity.stream.add(OutgoingRecord.event(entity.topic, entity.id.toString(), JSON.writeValueAsString(event)));
    }
}
