package com.accountview.projector.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.accountview.projector.events.EntityEvent;
import com.accountview.projector.events.UnableToDecodeEventException;

/**
 * A consumed record with what became of it before the fold: an event, or the reason it must be
 * dead-lettered (malformed, or refused by the database: then with the event it was).
 */
record ConsumedRecord(ConsumerRecord<byte[], byte[]> raw, EntityEvent event, RuntimeException rejection) {

    boolean isRejected() {
        return rejection != null;
    }

    /** Rejected, keeping the event it was (when it was one): its id names the dead letter in the log. */
    ConsumedRecord rejectedFor(RuntimeException reason) {
        return new ConsumedRecord(raw, event, reason);
    }

    /** The CloudEvents id: the event's, or a malformed record's when it had a valid one; otherwise null. */
    String eventId() {
        if (event instanceof EntityEvent.Versioned versioned) {
            return versioned.metadata().id();
        }
        return rejection instanceof UnableToDecodeEventException malformed ? malformed.eventId() : null;
    }
}
