package com.accountview.projector.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schema of each type's {@code data} ({@code classpath:schemas/<type>.json}),
 * loaded once. Thread-safe: compiled schemas are immutable.
 */
final class DataSchemas {

    static final String LOCATION = "/schemas/";
    private static final int MAX_REPORTED_ERRORS = 3;

    private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);

    DataSchemas() {
        SchemaRegistry registry = registry();
        for (EventType type : EventType.values()) {
            schemas.put(type, load(registry, type.typeName()));
        }
    }

    /** Draft 2020-12 with {@code format} asserted, so that dates and UUIDs are checked, not just annotated. */
    static SchemaRegistry registry() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
    }

    static Schema load(SchemaRegistry registry, String name) {
        String resource = LOCATION + name + ".json";
        try (InputStream in = DataSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("JSON Schema " + resource + " is not on the classpath");
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON Schema " + resource, e);
        }
    }

    /** @throws UnableToDecodeEventException naming the first few violations */
    void validate(EventType type, JsonNode data) {
        List<Error> errors = schemas.get(type).validate(data);
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
