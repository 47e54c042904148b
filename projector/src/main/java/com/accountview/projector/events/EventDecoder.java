package com.accountview.projector.events;

import org.apache.kafka.common.header.Headers;

import com.accountview.contract.EntityKind;

/**
 * Decodes one Kafka record of the account or contract topic into an {@link EntityEvent}, applying
 * every validation rule that docs/events.md states. Thread-safe.
 */
public interface EventDecoder {

    /**
     * @param topicKind which entity the record's topic carries
     * @param key the record key (entity id), may be null
     * @param value the record value; null for a Kafka tombstone
     * @param headers the record headers (CloudEvents binary mode uses {@code ce_*} headers)
     * @throws UnableToDecodeEventException if the record is malformed; the message says why
     */
    EntityEvent decode(EntityKind topicKind, byte[] key, byte[] value, Headers headers);
}
