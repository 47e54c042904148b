package com.accountview.projector.events;

import java.util.List;
import java.util.stream.Collectors;

import com.networknt.schema.Error;

import tools.jackson.databind.JsonNode;

import com.accountview.contract.EventType;
import com.accountview.contract.JsonSchemas;

/**
 * Validates {@code data} against the published JSON Schema of its type ({@link JsonSchemas}).
 * Thread-safe: compiled schemas are immutable.
 */
final class DataSchemas {

    private static final int MAX_REPORTED_ERRORS = 3;

    private final JsonSchemas schemas = JsonSchemas.load();

    /** @throws UnableToDecodeEventException naming the first few violations */
    void validate(EventType type, JsonNode data) {
        List<Error> errors = schemas.data(type).validate(data);
        if (!errors.isEmpty()) {
            String violations = errors.stream().limit(MAX_REPORTED_ERRORS).map(DataSchemas::describe)
                    .collect(Collectors.joining("; "));
            throw Malformed.because("data does not match the JSON Schema of " + type.typeName() + ": " + violations
                    + (errors.size() > MAX_REPORTED_ERRORS ? "; and " + (errors.size() - MAX_REPORTED_ERRORS)
                    + " more" : ""));
        }
    }

    /** E.g. {@code data/status: does not have a value in the enumeration [...] (was "OPEN")}. */
    private static String describe(Error error) {
        JsonNode instance = error.getInstanceNode();
        String was = instance != null && instance.isValueNode()
                ? " (was " + Malformed.cut(instance.toString()) + ")" : "";
        return "data" + error.getInstanceLocation() + ": " + error.getMessage() + was;
    }
}
