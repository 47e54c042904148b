package com.accountview.tools.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * The event contract's JSON Schemas, exactly as the projector publishes them
 * ({@code projector/src/main/resources/schemas}, copied into this jar at build time): the envelope
 * ({@code cloudevent.json}) and the {@code data} of each type ({@code <type>.json}). Draft 2020-12
 * with {@code format} asserted, as the projector validates. Immutable and thread-safe.
 */
final class EventSchemas {

    private static final String LOCATION = "/schemas/";

    private final Schema envelope;
    private final Map<String, Schema> dataByType;

    private EventSchemas(Schema envelope, Map<String, Schema> dataByType) {
        this.envelope = envelope;
        this.dataByType = Map.copyOf(dataByType);
    }

    static EventSchemas bundled() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        Map<String, Schema> data = new HashMap<>();
        for (String type : EventTypes.ALL) {
            data.put(type, load(registry, type));
        }
        return new EventSchemas(load(registry, "cloudevent"), data);
    }

    /** Everything the envelope schema and the data schema of the event's type find wrong with it. */
    List<String> check(JsonNode event) {
        List<String> problems = new ArrayList<>();
        envelope.validate(event).forEach(error -> problems.add(describe(error, "")));
        JsonNode type = event.get("type");
        JsonNode data = event.get("data");
        Schema dataSchema = type != null && type.isString() ? dataByType.get(type.stringValue()) : null;
        if (dataSchema != null && data != null && data.isObject()) {
            dataSchema.validate(data).forEach(error -> problems.add(describe(error, "data")));
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

    private static Schema load(SchemaRegistry registry, String name) {
        String resource = LOCATION + name + ".json";
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The event contract's JSON Schema " + resource
                        + " is missing from this jar: rebuild it with ./mvnw package");
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read JSON Schema " + resource, e);
        }
    }
}
