package com.accountview.tools.contract;

import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;

import tools.jackson.databind.JsonNode;

import com.accountview.contract.EventType;
import com.accountview.contract.JsonSchemas;

/**
 * Checks an event against the contract's published JSON Schemas ({@link JsonSchemas}): the
 * envelope and the {@code data} of its type, reporting every violation the way the event tool
 * prints them. Immutable and thread-safe.
 */
final class EventSchemas {

    private final JsonSchemas schemas;

    private EventSchemas(JsonSchemas schemas) {
        this.schemas = schemas;
    }

    static EventSchemas bundled() {
        return new EventSchemas(JsonSchemas.load());
    }

    /** Everything the envelope schema and the data schema of the event's type find wrong with it. */
    List<String> check(JsonNode event) {
        List<String> problems = new ArrayList<>();
        schemas.envelope().validate(event).forEach(error -> problems.add(describe(error, "")));
        JsonNode type = event.get("type");
        JsonNode data = event.get("data");
        if (type != null && type.isString() && data != null && data.isObject()) {
            EventType.named(type.stringValue()).ifPresent(known -> schemas.data(known).validate(data)
                    .forEach(error -> problems.add(describe(error, "data"))));
        }
        return problems;
    }

    private static String describe(Error error, String under) {
        // instance locations are JSON pointers: /data/account_id reads better as data.account_id
        String location = error.getInstanceLocation().toString().replaceFirst("^[$/.]+", "").replace('/', '.');
        String path = under.isEmpty() ? location : location.isEmpty() ? under : under + "." + location;
        JsonNode value = error.getInstanceNode();
        String actual = value != null && value.isValueNode() ? " (is " + value + ")" : "";
        return (path.isEmpty() ? "" : path + ": ") + error.getMessage() + actual;
    }
}
