package com.accountview.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The published JSON Schemas of the contract ({@code classpath:schemas/}): {@code cloudevent.json}
 * for a whole structured-mode event, and {@code <type>.json} for the {@code data} of each type.
 * Draft 2020-12 with {@code format} asserted, so that dates and UUIDs are checked, not just
 * annotated. Loaded once; immutable and thread-safe.
 */
public final class JsonSchemas {

    public static final String LOCATION = "/schemas/";
    public static final String ENVELOPE = "cloudevent";

    private final Schema envelope;
    private final Map<EventType, Schema> data = new EnumMap<>(EventType.class);

    private JsonSchemas() {
        SchemaRegistry registry = registry();
        envelope = load(registry, ENVELOPE);
        for (EventType type : EventType.values()) {
            data.put(type, load(registry, type.typeName()));
        }
    }

    public static JsonSchemas load() {
        return new JsonSchemas();
    }

    /** A registry as the contract's schemas are read with: draft 2020-12, {@code format} asserted. */
    public static SchemaRegistry registry() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
    }

    /** The schema of a whole structured-mode CloudEvent. */
    public Schema envelope() {
        return envelope;
    }

    /** The schema of the {@code data} of a type. */
    public Schema data(EventType type) {
        return data.get(type);
    }

    private static Schema load(SchemaRegistry registry, String name) {
        String resource = LOCATION + name + ".json";
        try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The event contract's JSON Schema " + resource + " is not on the class path");
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read JSON Schema " + resource, e);
        }
    }
}
