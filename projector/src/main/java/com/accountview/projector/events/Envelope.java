package com.accountview.projector.events;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvent as one record carries it, in whichever mode, before the contract's rules are
 * applied: each context attribute as it was sent, and the data. Immutable.
 *
 * @param attributes attribute name to value: a {@link String}, or (structured mode) a JSON value
 *                   that is not text, kept as a {@link JsonNode}; JSON {@code null} counts as absent
 * @param parsedData the data as structured mode carries it (already read), or null
 * @param rawData the data as binary mode carries it (the record value, not read yet), or null
 */
record Envelope(Map<String, Object> attributes, JsonNode parsedData, byte[] rawData) {

    Object attribute(String name) {
        return attributes.get(name);
    }

    boolean hasData() {
        return parsedData != null || rawData != null;
    }
}
