package com.accountview.projector.events;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

import com.accountview.contract.EntityKind;
import com.accountview.contract.EventType;
import com.accountview.contract.Identifiers;
import com.accountview.projector.events.EntityEvent.AccountCreated;
import com.accountview.projector.events.EntityEvent.AccountDeleted;
import com.accountview.projector.events.EntityEvent.AccountUpdated;
import com.accountview.projector.events.EntityEvent.ContractCreated;
import com.accountview.projector.events.EntityEvent.ContractDeleted;
import com.accountview.projector.events.EntityEvent.ContractUpdated;

/**
 * The decoder's fast path: reads a record in structured or plain mode in one streaming pass over
 * its bytes, checking every rule of docs/events.md with compiled checks instead of interpreting
 * the JSON Schemas. It answers only for an event it is certain is valid, of a known type of the
 * topic, with {@code data} after {@code type} and no JSON number anywhere; for everything else
 * (every malformed record, binary mode, unknown types, numbers, {@code data_base64}, JSON
 * {@code null} attributes) it returns null, and the {@link SchemaDecoder} decides and explains.
 * It never accepts what the {@code SchemaDecoder} refuses, and accepts an event as the same
 * {@link EntityEvent}: {@code DecoderAgreementTest}.
 *
 * <p>Thread-safe: the only state is the last {@code source} read, an immutable value replaced whole.
 */
final class StreamingDecoder {

    private static final byte[] STRUCTURED_JSON = "application/cloudevents+json".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LONG_DIGITS = 18;
    /**
     * {@link EnvelopeReader#STRICT_JSON_TOKENS} without Jackson's duplicate-member check, which
     * {@link ObjectMembers} does here without a set per object. A factory's own parser: a mapper's
     * would build a deserialization context per record.
     */
    private static final JsonFactory JSON_TOKENS = EnvelopeReader.STRICT_JSON_TOKENS.rebuild()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Upstream systems are few, so one URI parse serves a long run of their events. */
    private volatile Source lastSource = new Source("", URI.create(""));

    private record Source(String text, URI uri) {
    }

    /** The event, or null when the record is not certainly a valid event of a known type. */
    EntityEvent decode(EntityKind topicKind, byte[] key, byte[] value, Headers headers) {
        UUID keyId = lowerCaseUuid(key);
        if (value == null || keyId == null || !isStructuredOrPlain(headers)) {
            return null;
        }
        try (JsonParser parser = JSON_TOKENS.createParser(value)) {
            return read(parser, topicKind, keyId);
        } catch (JacksonException | IllegalArgumentException e) {
            // not JSON, a duplicated member, or not a timestamp of the contract (Instants): the schema decoder says which
            return null;
        }
    }

    private EntityEvent read(JsonParser parser, EntityKind topicKind, UUID keyId) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        boolean specVersion = false;
        String id = null;
        URI source = null;
        String typeName = null;
        Instant time = null;
        UUID subjectId = null;
        String orgId = null;
        BigInteger sequence = null;
        EventType type = null;
        StreamedData data = null;
        ObjectMembers members = new ObjectMembers();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "specversion" -> specVersion = isText(parser, members.once(0, token), "1.0");
                case "id" -> id = StreamedData.text(parser, members.once(1, token));
                case "source" -> source = uri(StreamedData.chars(parser, members.once(2, token)));
                case "time" -> time = StreamedData.instant(parser, members.once(3, token));
                case "subject" -> subjectId = StreamedData.uuid(parser, members.once(4, token));
                case "orgid" -> orgId = StreamedData.text(parser, members.once(5, token));
                case "sequence" -> sequence = sequence(StreamedData.chars(parser, members.once(6, token)));
                case "type" -> {
                    typeName = StreamedData.text(parser, members.once(7, token));
                    type = typeName == null ? null : EventType.named(typeName).orElse(null);
                    if (type == null || type.kind() != topicKind) {
                        return null;
                    }
                }
                case "datacontenttype" -> {
                    if (!isText(parser, members.once(8, token), "application/json")) {
                        return null;
                    }
                }
                case "data" -> {
                    data = type == null || members.once(9, token) != JsonToken.START_OBJECT ? null
                            : StreamedData.read(parser, type);
                    if (data == null) {
                        return null;
                    }
                }
                default -> {
                    if (!isExtensionName(name) || !members.onceOther(name) || !StreamedData.skip(parser, token)) {
                        return null;
                    }
                }
            }
        }
        if (parser.nextToken() != null || members.anyRepeated() || data == null || !specVersion
                || !Identifiers.isEventId(id) || orgId == null || !Identifiers.isOrgId(orgId) || sequence == null) {
            return null;
        }
        if (subjectId == null || !subjectId.equals(keyId) || !subjectId.equals(data.id()) || source == null
                || time == null) {
            return null;
        }
        EventMetadata metadata = new EventMetadata(id, source, typeName, time, subjectId, orgId, sequence);
        return switch (type) {
            case ACCOUNT_CREATED -> new AccountCreated(metadata, data.account());
            case ACCOUNT_UPDATED -> new AccountUpdated(metadata, data.account());
            case ACCOUNT_DELETED -> new AccountDeleted(metadata);
            case CONTRACT_CREATED -> new ContractCreated(metadata, data.contract());
            case CONTRACT_UPDATED -> new ContractUpdated(metadata, data.contract());
            case CONTRACT_DELETED -> new ContractDeleted(metadata);
        };
    }

    private static boolean isText(JsonParser parser, JsonToken token, String expected) {
        ParsedChars text = StreamedData.chars(parser, token);
        return text != null && expected.contentEquals(text);
    }

    /** Structured mode by its exact content-type, or plain: no content-type and no {@code ce_*} header. */
    private static boolean isStructuredOrPlain(Headers headers) {
        Header contentType = headers.lastHeader(EnvelopeReader.CONTENT_TYPE);
        if (contentType != null && contentType.value() != null) {
            return Arrays.equals(contentType.value(), STRUCTURED_JSON);
        }
        for (Header header : headers) {
            if (header.key().startsWith("ce_")) {
                return false;
            }
        }
        return true;
    }

    /** A record key that is a canonical UUID in lower case, or null. */
    private static UUID lowerCaseUuid(byte[] key) {
        if (key == null) {
            return null;
        }
        for (byte b : key) {
            if (b >= 'A' && b <= 'F') {
                return null;
            }
        }
        return Identifiers.uuidOrNull(new String(key, StandardCharsets.ISO_8859_1));
    }


    /** CloudEvents attribute names are lower-case ASCII letters and digits. */
    private static boolean isExtensionName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    private URI uri(CharSequence chars) {
        if (chars == null || chars.isEmpty() || !Identifiers.isUriReferenceText(chars)) {
            return null;
        }
        Source last = lastSource;
        if (last.text().contentEquals(chars)) {
            return last.uri();
        }
        String text = chars.toString();
        try {
            URI uri = new URI(text);
            lastSource = new Source(text, uri);
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The sequence, or null when the text is not one. */
    private static BigInteger sequence(CharSequence digits) {
        if (digits == null || !Identifiers.isSequence(digits)) {
            return null;
        }
        return digits.length() <= MAX_LONG_DIGITS ? BigInteger.valueOf(Long.parseLong(digits, 0, digits.length(), 10))
                : new BigInteger(digits.toString());
    }
}
