package com.accountview.contract;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * A CloudEvent of the contract as a producer renders it (docs/events.md): its attributes in the
 * documented order, and its {@code data}; as structured-mode JSON, or as binary-mode headers
 * ({@code ce_*}, with {@code datacontenttype} as {@code content-type}) and the data as the value.
 * Attribute values may be anything JSON can carry, so that tests can render malformed events as
 * easily as valid ones. Immutable and thread-safe.
 *
 * @param attributes attribute name to value, in rendering order
 * @param data the {@code data} member: a map, a Jackson node, or anything Jackson can write
 */
public record CloudEvent(Map<String, Object> attributes, Object data) {

    /** The content type of a structured-mode record. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";
    public static final String CONTENT_TYPE_HEADER = "content-type";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public CloudEvent {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** An event with every attribute the contract requires, {@code datacontenttype: application/json}. */
    public static CloudEvent of(EventType type, String id, String source, String time, UUID subject, String orgId,
                                String sequence, Object data) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("specversion", "1.0");
        attributes.put("id", id);
        attributes.put("source", source);
        attributes.put("type", type.typeName());
        attributes.put("time", time);
        attributes.put("subject", subject.toString());
        attributes.put("orgid", orgId);
        attributes.put("sequence", sequence);
        attributes.put("datacontenttype", "application/json");
        return new CloudEvent(attributes, data);
    }

    /** The whole event as structured-mode JSON text. */
    public String structuredJson() {
        Map<String, Object> whole = new LinkedHashMap<>(attributes);
        whole.put("data", data);
        return JSON.writeValueAsString(whole);
    }

    /** The {@code data} as JSON text: the value of a binary-mode record. */
    public String dataJson() {
        return JSON.writeValueAsString(data);
    }

    /** The binary-mode headers, in attribute order; a null attribute gives a header without value. */
    public List<Map.Entry<String, byte[]>> binaryHeaders() {
        List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
        attributes.forEach((name, value) -> headers.add(new SimpleImmutableEntry<>(
                name.equals("datacontenttype") ? CONTENT_TYPE_HEADER : "ce_" + name,
                value == null ? null : text(value).getBytes(StandardCharsets.UTF_8))));
        return headers;
    }

    /** A value as a header or a single text carries it: text as it is, anything else as JSON. */
    public static String text(Object value) {
        return value instanceof String string ? string : JSON.writeValueAsString(value);
    }
}
