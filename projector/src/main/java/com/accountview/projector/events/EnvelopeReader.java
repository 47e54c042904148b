package com.accountview.projector.events;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the CloudEvent of a non-null record value in whichever mode it was sent: structured
 * ({@code content-type: application/cloudevents+json}), binary ({@code ce_*} headers), or plain
 * (neither, with a JSON object value that has a {@code specversion} member), as the CloudEvents
 * Kafka protocol binding and JSON format define them.
 *
 * <p>Structured JSON is read once, strictly: a duplicated member anywhere is malformed (a second
 * {@code orgid} must not move an account to another organization), JSON {@code null} is an absent
 * attribute (never the text "null"), and {@code data} stays the JSON it was (a number is never
 * rewritten). The CloudEvents SDK's reader does none of the three, which is why it is not used
 * here. Thread-safe.
 */
final class EnvelopeReader {

    static final String CONTENT_TYPE = "content-type";
    /**
     * Tokens of strict JSON: a duplicated member anywhere is an error. Buffers recycled per thread:
     * the default pool, one deque shared by every thread, cost 3.6% of the projector's CPU in taking
     * a buffer for each record's parser (JFR, docs/performance.md); the threads that decode are a
     * fixed few.
     */
    static final JsonFactory STRICT_JSON_TOKENS = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** Trees of {@link #STRICT_JSON_TOKENS}, whose strictness the mapper takes over, for the schema decoder. */
    static final JsonMapper STRICT_JSON = JsonMapper.builder(STRICT_JSON_TOKENS).build();

    private static final String STRUCTURED_JSON = "application/cloudevents+json";
    private static final String CE_PREFIX = "ce_";
    /** CloudEvents attribute names: lower-case ASCII letters and digits only. */
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9]+");

    Envelope read(byte[] value, Headers headers) {
        Header contentType = headers.lastHeader(CONTENT_TYPE);
        if (contentType != null && contentType.value() != null) {
            String mediaType = mediaType(new String(contentType.value(), StandardCharsets.UTF_8));
            if (mediaType.startsWith("application/cloudevents")) {
                if (!mediaType.equals(STRUCTURED_JSON)) {
                    throw Malformed.because("unsupported content-type " + Malformed.quote(mediaType)
                            + ": structured mode is read as " + STRUCTURED_JSON + " only");
                }
                return structured(json(value, "not a valid structured-mode CloudEvent: the value is not JSON: "));
            }
        }
        if (hasCloudEventsHeaders(headers)) {
            return binary(value, headers);
        }
        return plain(value);
    }

    /** Plain producers (kcat and the like) send the structured JSON without any content-type. */
    private Envelope plain(byte[] value) {
        JsonNode json = json(value, "not a CloudEvent: no CloudEvents content-type, no ce_* headers, and the value"
                + " is not JSON: ");
        if (!json.isObject() || !json.has("specversion")) {
            throw Malformed.because("not a CloudEvent: no CloudEvents content-type, no ce_* headers, and the value"
                    + " is not a JSON object with a 'specversion' member");
        }
        return structured(json);
    }

    private static JsonNode json(byte[] value, String notJson) {
        try {
            JsonNode json = STRICT_JSON.readTree(value);
            if (json == null || json.isMissingNode()) {
                throw Malformed.because(notJson + "no content");
            }
            return json;
        } catch (JacksonException e) {
            throw Malformed.because(notJson + e.getOriginalMessage(), e);
        }
    }

    private static Envelope structured(JsonNode json) {
        if (!json.isObject()) {
            throw Malformed.because("not a valid structured-mode CloudEvent: the value is not a JSON object");
        }
        Map<String, Object> attributes = new HashMap<>();
        JsonNode[] data = {null};
        json.properties().forEach(member -> {
            String name = member.getKey();
            JsonNode value = member.getValue();
            switch (name) {
                case "data" -> data[0] = value.isNull() ? null : value;
                case "data_base64" -> data[0] = value.isNull() ? null : base64Data(value);
                default -> {
                    if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                        throw Malformed.because("attribute name " + Malformed.quote(name)
                                + " is not allowed: CloudEvents attribute names are a-z and 0-9 only");
                    }
                    if (!value.isNull()) {
                        attributes.put(name, value.isString() ? value.asString() : value);
                    }
                }
            }
        });
        return new Envelope(attributes, data[0], null);
    }

    private static JsonNode base64Data(JsonNode value) {
        if (!value.isString()) {
            throw Malformed.because("data_base64 is not a string");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.asString());
        } catch (IllegalArgumentException e) {
            throw Malformed.because("data_base64 is not Base64: " + e.getMessage(), e);
        }
        return json(bytes, "data is not JSON: ");
    }

    private static Envelope binary(byte[] value, Headers headers) {
        Map<String, Object> attributes = new HashMap<>();
        for (Header header : headers) {
            boolean attribute = header.key().startsWith(CE_PREFIX);
            if (!attribute && !header.key().equals(CONTENT_TYPE)) {
                continue;
            }
            if (header.value() == null) {
                throw Malformed.because("header '" + header.key() + "' has no value");
            }
            String name = attribute ? header.key().substring(CE_PREFIX.length()) : "datacontenttype";
            if (attribute && !ATTRIBUTE_NAME.matcher(name).matches()) {
                throw Malformed.because("header " + Malformed.quote(header.key())
                        + " does not name a CloudEvents attribute: names are a-z and 0-9 only");
            }
            // a second value must not silently replace the first (another orgid, another sequence)
            if (attributes.put(name, utf8Text(header)) != null) {
                throw Malformed.because("header '" + header.key() + "' appears more than once");
            }
        }
        if (!attributes.containsKey("specversion")) {
            throw Malformed.because("missing required attribute 'specversion' (binary mode: header 'ce_specversion')");
        }
        return new Envelope(attributes, null, value);
    }

    /**
     * A header's value as the UTF-8 text the binding says it is. Strictly: a lenient decoding would
     * put U+FFFD for every invalid byte, so that two different ids became one, and which event won
     * a tie would depend on the order they came in.
     */
    private static String utf8Text(Header header) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(header.value())).toString();
        } catch (CharacterCodingException e) {
            throw Malformed.because("header '" + header.key() + "' is not UTF-8 text", e);
        }
    }

    private static boolean hasCloudEventsHeaders(Headers headers) {
        for (Header header : headers) {
            if (header.key().startsWith(CE_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /** The media type without parameters, lower case (media types are case-insensitive). */
    static String mediaType(String text) {
        int parameters = text.indexOf(';');
        return (parameters < 0 ? text : text.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }
}
