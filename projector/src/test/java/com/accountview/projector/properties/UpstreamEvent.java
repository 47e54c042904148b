package com.accountview.projector.properties;

import java.math.BigInteger;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.accountview.testinfra.events.EventMode;
import com.accountview.testinfra.events.TestEvent;

/**
 * One event as an upstream system published it: the entity, its version, the state it carries (null
 * for a {@code *.deleted} event), whether its type is one this version of the contract does not
 * know (a newer producer's), and the rendered record; or a Kafka tombstone of the entity's key (no
 * version, no state). A duplicate delivery is the same instance, so it is the same record byte for
 * byte.
 */
public record UpstreamEvent(Entity entity, BigInteger sequence, EntityState state, boolean unknownType,
                            TestEvent rendered, EventMode mode) {

    /** A {@code *.deleted} event. */
    public boolean isDelete() {
        return state == null && !isTombstone();
    }

    /** A Kafka tombstone (null value) of the entity's key. */
    public boolean isTombstone() {
        return rendered.isTombstone();
    }

    public ProducerRecord<byte[], byte[]> record(String topic) {
        return rendered.record(topic, mode);
    }

    /** Short form for scenario reports, e.g. {@code seq "007" updated BINARY Account[externalId=100, ...]}. */
    public String describe() {
        if (isTombstone()) {
            return "Kafka tombstone";
        }
        return "seq \"%s\" %s %s %s".formatted(rendered.sequence(),
                rendered.type().substring(rendered.type().lastIndexOf('.') + 1), mode, isDelete() ? "" : state);
    }
}
