package com.accountview.projector.events;

import java.util.Locale;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import com.accountview.contract.EntityKind;
import com.accountview.contract.EventType;
import com.accountview.projector.events.EntityEvent.AccountCreated;
import com.accountview.projector.events.EntityEvent.AccountDeleted;
import com.accountview.projector.events.EntityEvent.AccountUpdated;
import com.accountview.projector.events.EntityEvent.ContractCreated;
import com.accountview.projector.events.EntityEvent.ContractDeleted;
import com.accountview.projector.events.EntityEvent.ContractUpdated;
import com.accountview.projector.events.EntityEvent.EntityTombstoned;
import com.accountview.projector.events.EntityEvent.UnknownTypeReceived;

/**
 * The decoder's careful path, and the one that explains: decodes CloudEvents 1.0 JSON records of
 * the account and contract topics (structured, binary or plain; see {@link EnvelopeReader}) and
 * validates them against every rule of docs/events.md: the required attributes, record key =
 * {@code subject} = id in {@code data}, the type belonging to the topic, and {@code data} against
 * the JSON Schema of its type, interpreted by the schema validator. An unknown type is recognised
 * (its envelope validated, its data not); a null value is a tombstone of the key.
 *
 * <p>Thread-safe: holds only immutable state; schemas are loaded once, at construction.
 */
final class SchemaDecoder implements EventDecoder {

    private final EnvelopeReader envelopes = new EnvelopeReader();
    private final DataSchemas schemas = new DataSchemas();

    @Override
    public EntityEvent decode(EntityKind topicKind, byte[] key, byte[] value, Headers headers) {
        if (value == null) {
            return new EntityTombstoned(topicKind, EntityIds.ofKey(key));
        }
        Envelope envelope = envelopes.read(value, headers);
        try {
            return decode(topicKind, key, envelope);
        } catch (UnableToDecodeEventException malformed) {
            // the id names the dead letter in the log
            throw malformed.ofEvent(EnvelopeAttributes.validIdOrNull(envelope));
        }
    }

    private EntityEvent decode(EntityKind topicKind, byte[] key, Envelope envelope) {
        EventMetadata metadata = EnvelopeAttributes.metadataOf(envelope);
        UUID keyId = EntityIds.ofKey(key);
        if (!keyId.equals(metadata.subject())) {
            throw Malformed.because("record key " + keyId + " disagrees with attribute 'subject' "
                    + metadata.subject());
        }
        EventType type = EventType.named(metadata.type()).orElse(null);
        if (type == null) {
            return unknown(topicKind, metadata);
        }
        if (type.kind() != topicKind) {
            throw wrongTopic(metadata.type(), topicKind);
        }
        JsonNode data = data(envelope, type);
        schemas.validate(type, data);
        UUID dataId = Snapshots.uuid(data, type.idMember());
        if (!dataId.equals(metadata.subject())) {
            throw Malformed.because("data member '" + type.idMember() + "' " + dataId
                    + " disagrees with attribute 'subject' " + metadata.subject());
        }
        return switch (type) {
            case ACCOUNT_CREATED -> new AccountCreated(metadata, Snapshots.account(data));
            case ACCOUNT_UPDATED -> new AccountUpdated(metadata, Snapshots.account(data));
            case ACCOUNT_DELETED -> new AccountDeleted(metadata);
            case CONTRACT_CREATED -> new ContractCreated(metadata, Snapshots.contract(data));
            case CONTRACT_UPDATED -> new ContractUpdated(metadata, Snapshots.contract(data));
            case CONTRACT_DELETED -> new ContractDeleted(metadata);
        };
    }

    /**
     * Forward compatibility: a type this version does not know is skipped, unless it names the
     * other entity ({@code customers.contract.*} on the account topic), which is a misrouted event.
     */
    private static EntityEvent unknown(EntityKind topicKind, EventMetadata metadata) {
        for (EntityKind other : EntityKind.values()) {
            if (other != topicKind && metadata.type().startsWith(namespaceOf(other))) {
                throw wrongTopic(metadata.type(), topicKind);
            }
        }
        return new UnknownTypeReceived(topicKind, metadata);
    }

    private static String namespaceOf(EntityKind kind) {
        return EventType.NAMESPACE + kind.name().toLowerCase(Locale.ROOT) + ".";
    }

    private static UnableToDecodeEventException wrongTopic(String type, EntityKind topicKind) {
        String topic = topicKind.name().toLowerCase(Locale.ROOT);
        return Malformed.attribute("type", "does not belong on the " + topic + " topic", type);
    }

    private static JsonNode data(Envelope envelope, EventType type) {
        String contentType = EnvelopeAttributes.dataContentType(envelope);
        if (contentType != null && !isJson(contentType)) {
            throw Malformed.attribute("datacontenttype", "is not a JSON media type", contentType);
        }
        if (!envelope.hasData()) {
            throw Malformed.because("missing data: a " + type.typeName() + " event carries "
                    + (type.isDelete() ? "at least '" + type.idMember() + "'" : "the entity's full state"));
        }
        JsonNode json = envelope.parsedData();
        if (json == null) {
            try {
                // a duplicated member could hide an id that disagrees with the subject
                json = EnvelopeReader.STRICT_JSON.readTree(envelope.rawData());
            } catch (JacksonException e) {
                throw Malformed.because("data is not JSON: " + e.getOriginalMessage(), e);
            }
        }
        if (json == null || !json.isObject()) {
            throw Malformed.because("data is not a JSON object");
        }
        return json;
    }

    private static boolean isJson(String contentType) {
        String mediaType = EnvelopeReader.mediaType(contentType);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }
}
