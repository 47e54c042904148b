package com.accountview.tools.contract;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** The JSON Schema of each event type, as published by the projector (docs/events.md). */
final class EventSchemas {

    static EventSchemas bundled() {
        return new EventSchemas();
    }

    /** Everything the schema of {@code type} finds wrong with {@code event}. */
    List<String> check(String type, JsonNode event) {
        return List.of();
    }
}
