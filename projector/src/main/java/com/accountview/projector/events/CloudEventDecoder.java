package com.accountview.projector.events;

import org.apache.kafka.common.header.Headers;
import org.springframework.stereotype.Component;

import com.accountview.contract.EntityKind;

/**
 * Decodes CloudEvents 1.0 JSON records of the account and contract topics and validates them
 * against every rule of docs/events.md. Most records are valid events in structured mode: the
 * {@link StreamingDecoder} reads those in one pass with compiled checks; anything it is not sure
 * of (every malformed record among them) goes to the {@link SchemaDecoder}, which interprets the
 * published JSON Schemas and says exactly what is wrong. The two agree on every record
 * ({@code DecoderAgreementTest}), so which one answered never shows.
 *
 * <p>Thread-safe: holds only immutable state; schemas are loaded once, at construction.
 */
@Component
public class CloudEventDecoder implements EventDecoder {

    private final StreamingDecoder streaming = new StreamingDecoder();
    private final SchemaDecoder schemas = new SchemaDecoder();

    @Override
    public EntityEvent decode(EntityKind topicKind, byte[] key, byte[] value, Headers headers) {
        EntityEvent event = streaming.decode(topicKind, key, value, headers);
        return event != null ? event : schemas.decode(topicKind, key, value, headers);
    }
}
