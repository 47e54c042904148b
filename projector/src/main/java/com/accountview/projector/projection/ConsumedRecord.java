package com.accountview.projector.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.accountview.projector.events.EntityEvent;

/**
 * A consumed record with what became of it before the fold: an event, or the reason it must be
 * dead-lettered (malformed, or refused by the database).
 */
record ConsumedRecord(ConsumerRecord<byte[], byte[]> raw, EntityEvent event, RuntimeException rejection) {

    boolean isRejected() {
        return rejection != null;
    }

    ConsumedRecord rejectedFor(RuntimeException reason) {
        return new ConsumedRecord(raw, null, reason);
    }
}
