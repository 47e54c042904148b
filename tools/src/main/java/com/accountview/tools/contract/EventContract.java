package com.accountview.tools.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.accountview.contract.EntityKind;
import com.accountview.contract.Identifiers;

/**
 * Contract v1 applied to one line of an events file: a structured-mode CloudEvent (the projector's
 * published JSON Schemas for the envelope and for the data of its type, plus the rules no schema
 * can state, see {@link CloudEventRules}) or a {@link TombstoneLine}. Also tells each line's topic and key. Immutable and thread-safe.
 */
public final class EventContract {

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final EventSchemas schemas;

    private EventContract(EventSchemas schemas) {
        this.schemas = schemas;
    }

    /** The contract with the JSON Schemas bundled in this jar. */
    public static EventContract load() {
        return new EventContract(EventSchemas.bundled());
    }

    /** Checks one line fully: envelope, schema of its type, and tells its topic and key. */
    public LineVerdict check(String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JacksonException e) {
            return unroutable(JsonSyntax.describe(e, line));
        }
        if (node == null || !node.isObject()) {
            return unroutable("not a JSON object" + JsonSyntax.arrayHint(line));
        }
        if (node.has(TombstoneLine.MARKER)) {
            return tombstone(node);
        }
        List<String> problems = new ArrayList<>(schemas.check(node));
        problems.addAll(CloudEventRules.check(node));
        return new LineVerdict(route(line, node), problems);
    }

    /**
     * The record a line stands for, telling only its topic and key; for lines already checked.
     * Empty when the line is no record to publish: it names no topic, or is an invalid tombstone line.
     */
    public Optional<OutgoingRecord> route(String line) {
        try {
            JsonNode node = json.readTree(line);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            return node.has(TombstoneLine.MARKER) ? tombstone(node).record() : route(line, node);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Optional<OutgoingRecord> route(String line, JsonNode event) {
        JsonNode type = event.get("type");
        if (type == null || !type.isString()) {
            return Optional.empty();
        }
        JsonNode subject = event.get("subject");
        // the key spells the id in lower case, whatever the subject's case: one spelling per entity
        String key = subject != null && subject.isString()
                ? Identifiers.uuid(subject.stringValue()).map(UUID::toString).orElse(subject.stringValue()) : null;
        return EntityKind.ofType(type.stringValue()).map(topic -> OutgoingRecord.event(topic, key, line));
    }

    private static LineVerdict tombstone(JsonNode node) {
        List<String> problems = new ArrayList<>();
        if (!node.get(TombstoneLine.MARKER).isBoolean() || !node.get(TombstoneLine.MARKER).booleanValue()) {
            problems.add("a tombstone line needs \"tombstone\": true");
        }
        for (String member : node.propertyNames()) {
            if (!TombstoneLine.MEMBERS.contains(member)) {
                problems.add("a tombstone line has only tombstone, topic and key; found " + member);
            }
        }
        JsonNode topicName = node.get(TombstoneLine.TOPIC);
        Optional<EntityKind> topic = topicName != null && topicName.isString()
                ? EntityKind.ofTopicName(topicName.stringValue()) : Optional.empty();
        if (topic.isEmpty()) {
            problems.add("a tombstone line needs \"topic\": \"accounts\" or \"contracts\"");
        }
        JsonNode key = node.get(TombstoneLine.KEY);
        if (key == null || !key.isString() || !CloudEventRules.isUuid(key.stringValue())) {
            problems.add("a tombstone line needs \"key\": the entity's UUID");
        }
        if (!problems.isEmpty()) {
            // an invalid event is still a value to publish "as it is"; a broken tombstone line is no
            // record at all, and publishing it anyway would delete a real entity
            return new LineVerdict(Optional.empty(), problems);
        }
        // in lower case, as an event's key: the projector reads no other spelling of an id as a key
        String lowerCase = Identifiers.uuid(key.stringValue()).map(UUID::toString).orElseThrow();
        return new LineVerdict(topic.map(t -> OutgoingRecord.tombstone(t, lowerCase)), problems);
    }

    private static LineVerdict unroutable(String problem) {
        return new LineVerdict(Optional.empty(), List.of(problem));
    }
}
