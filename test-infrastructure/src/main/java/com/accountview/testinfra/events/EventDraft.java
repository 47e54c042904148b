package com.accountview.testinfra.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The immutable state of a builder: record key, CloudEvents attributes (in rendering order), data
 * fields and extra headers. Every {@code with*} returns a copy.
 */
record EventDraft(String key, Map<String, Object> attributes, Map<String, Object> data, List<Header> headers,
                  String idField) {

    EventDraft {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        headers = List.copyOf(headers);
    }

    static EventDraft of(UUID entityId, String idField, Map<String, Object> data) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("specversion", "1.0");
        attributes.put("id", Generated.EVENT_ID);
        attributes.put("source", "/crm");
        attributes.put("type", Generated.TYPE);
        attributes.put("time", Generated.NOW);
        attributes.put("subject", entityId.toString());
        attributes.put("orgid", "telco");
        attributes.put("sequence", "1");
        attributes.put("datacontenttype", "application/json");
        Map<String, Object> withId = new LinkedHashMap<>();
        withId.put(idField, entityId.toString());
        withId.putAll(data);
        return new EventDraft(entityId.toString(), attributes, withId, List.of(), idField);
    }

    EventDraft withKey(String newKey) {
        return new EventDraft(newKey, attributes, data, headers, idField);
    }

    EventDraft withAttribute(String name, Object value) {
        return new EventDraft(key, edited(attributes, copy -> copy.put(name, value)), data, headers, idField);
    }

    EventDraft withoutAttribute(String name) {
        return new EventDraft(key, edited(attributes, copy -> copy.remove(name)), data, headers, idField);
    }

    EventDraft withDataField(String name, Object value) {
        return new EventDraft(key, attributes, edited(data, copy -> copy.put(name, value)), headers, idField);
    }

    EventDraft withoutDataField(String name) {
        return new EventDraft(key, attributes, edited(data, copy -> copy.remove(name)), headers, idField);
    }

    /** A changed copy: drafts are immutable. */
    private static Map<String, Object> edited(Map<String, Object> members, Consumer<Map<String, Object>> edit) {
        Map<String, Object> copy = new LinkedHashMap<>(members);
        edit.accept(copy);
        return copy;
    }

    EventDraft withHeader(String name, String value) {
        List<Header> copy = new ArrayList<>(headers);
        copy.add(new RecordHeader(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        return new EventDraft(key, attributes, data, copy, idField);
    }

    /** Builds the event of the given type; a deleted event keeps only the id field of its data. */
    TestEvent build(String type, boolean idOnly) {
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> builtAttributes = new LinkedHashMap<>();
        attributes.forEach((name, value) -> builtAttributes.put(name, resolve(value, type, now, eventId)));
        Map<String, Object> builtData = new LinkedHashMap<>();
        data.forEach((name, value) -> {
            if (!idOnly || name.equals(idField)) {
                builtData.put(name, resolve(value, type, now, eventId));
            }
        });
        return TestEvent.cloudEvent(key, builtAttributes, builtData, headers);
    }

    private static Object resolve(Object value, String type, String now, String eventId) {
        if (value instanceof Generated generated) {
            return switch (generated) {
                case EVENT_ID -> eventId;
                case NOW -> now;
                case TYPE -> type;
            };
        }
        return value;
    }
}
