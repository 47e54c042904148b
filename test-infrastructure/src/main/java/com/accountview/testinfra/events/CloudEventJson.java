package com.accountview.testinfra.events;

import tools.jackson.databind.json.JsonMapper;

/** Renders attribute and data maps as JSON text. Thread-safe: the mapper is immutable. */
final class CloudEventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CloudEventJson() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Flattens a data field value into the text a {@code ce_*} header or a single value would carry. */
    static String text(Object value) {
        return value instanceof String string ? string : write(value);
    }
}
