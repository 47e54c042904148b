package com.accountview.projector.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.accountview.projector.events.EntityEvent;

/**
 * What became of one record of a committed batch.
 *
 * @param record the consumed record
 * @param event the decoded event, or null when dead-lettered
 * @param outcome the outcome
 * @param eventId the CloudEvents id, also of a dead-lettered record that had a valid one; null when none is known
 * @param reason why the record is malformed, or null
 */
public record RecordOutcome(ConsumerRecord<byte[], byte[]> record, EntityEvent event, EventOutcome outcome,
                            String eventId, String reason) {

    /**
     * The CloudEvents type for metrics: a known type, or a stand-in ({@code unknown},
     * {@code kafka.tombstone}, {@code malformed}) so that producers cannot grow the number of series.
     */
    public String type() {
        if (event instanceof EntityEvent.UnknownTypeReceived) {
            return "unknown";
        }
        if (event instanceof EntityEvent.Versioned versioned) {
            return versioned.metadata().type();
        }
        return event instanceof EntityEvent.EntityTombstoned ? "kafka.tombstone" : "malformed";
    }
}
