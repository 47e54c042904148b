package com.accountview.projector.events;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the CloudEvent of a non-null record value in whichever mode it was sent: structured
 * ({@code content-type: application/cloudevents+json}), binary ({@code ce_*} headers), or plain
 * (neither, with a JSON object value that has a {@code specversion} member). Thread-safe.
 */
final class EnvelopeReader {

    static final String CONTENT_TYPE = "content-type";
    private static final String STRUCTURED_JSON = "application/cloudevents+json";
    private static final String CE_PREFIX = "ce_";

    private final EventFormat structuredFormat = new JsonFormat();
    private final JsonMapper probe = JsonMapper.builder().build();

    CloudEvent read(byte[] value, Headers headers) {
        Header contentType = headers.lastHeader(CONTENT_TYPE);
        if (contentType != null && contentType.value() != null) {
            String mediaType = mediaType(new String(contentType.value(), StandardCharsets.UTF_8));
            if (mediaType.startsWith("application/cloudevents")) {
                if (!mediaType.equals(STRUCTURED_JSON)) {
                    throw Malformed.because("unsupported content-type " + Malformed.quote(mediaType)
                            + ": structured mode is read as " + STRUCTURED_JSON + " only");
                }
                return structured(value);
            }
        }
        if (hasCloudEventsHeaders(headers)) {
            return binary(value, headers);
        }
        return plain(value);
    }

    private CloudEvent structured(byte[] value) {
        try {
            return structuredFormat.deserialize(value);
        } catch (RuntimeException e) {
            throw Malformed.because("not a valid structured-mode CloudEvent: " + describe(e), e);
        }
    }

    private CloudEvent binary(byte[] value, Headers headers) {
        for (Header header : headers) {
            if (header.value() == null && (isCloudEventsHeader(header) || header.key().equals(CONTENT_TYPE))) {
                throw Malformed.because("header '" + header.key() + "' has no value");
            }
        }
        if (headers.lastHeader(CE_PREFIX + "specversion") == null) {
            throw Malformed.because("missing required attribute 'specversion' (binary mode: header 'ce_specversion')");
        }
        try {
            return KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (RuntimeException e) {
            throw Malformed.because("not a valid binary-mode CloudEvent: " + describe(e), e);
        }
    }

    /** Plain producers (kcat and the like) send the structured JSON without any content-type. */
    private CloudEvent plain(byte[] value) {
        JsonNode json;
        try {
            json = probe.readTree(value);
        } catch (JacksonException e) {
            throw Malformed.because("not a CloudEvent: no CloudEvents content-type, no ce_* headers, and the value"
                    + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (json == null || !json.isObject() || !json.has("specversion")) {
            throw Malformed.because("not a CloudEvent: no CloudEvents content-type, no ce_* headers, and the value"
                    + " is not a JSON object with a 'specversion' member");
        }
        return structured(value);
    }

    private static boolean hasCloudEventsHeaders(Headers headers) {
        for (Header header : headers) {
            if (isCloudEventsHeader(header)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCloudEventsHeader(Header header) {
        return header.key().startsWith(CE_PREFIX);
    }

    /** The media type without parameters, lower case (media types are case-insensitive). */
    static String mediaType(String text) {
        int parameters = text.indexOf(';');
        return (parameters < 0 ? text : text.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    /** The SDK wraps Jackson's messages with the parser location; the original message says what failed. */
    private static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonParseException json) {
                return "the value is not JSON: " + json.getOriginalMessage();
            }
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
                return json.getOriginalMessage();
            }
        }
        return failure.getMessage();
    }
}
