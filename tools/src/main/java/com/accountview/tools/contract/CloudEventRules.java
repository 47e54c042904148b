package com.accountview.tools.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.accountview.contract.EntityKind;
import com.accountview.contract.EventType;
import com.accountview.contract.Identifiers;
import com.accountview.contract.Instants;
import com.accountview.contract.StorableText;

/**
 * The rules of contract v1 that the JSON Schemas cannot state: the type must be one this version
 * knows (consumers skip others, so publishing one is almost always a typo), the {@code subject}
 * must name the same entity as the id in {@code data}, every timestamp must fall in the years
 * 0001 to 9999 in UTC and be no leap second ({@link Instants}), and the text PostgreSQL stores
 * has no unpaired surrogate ({@link StorableText}). Stateless.
 */
final class CloudEventRules {

    private static final Map<EntityKind, List<String>> TIMESTAMPS = Map.of(
            EntityKind.ACCOUNT, List.of("created_at", "updated_at"),
            EntityKind.CONTRACT, List.of("start_date", "end_date", "created_at", "updated_at"));
    private static final List<String> KNOWN_TYPES = Arrays.stream(EventType.values()).map(EventType::typeName).toList();

    private CloudEventRules() {
    }

    static boolean isUuid(String text) {
        return Identifiers.uuid(text).isPresent();
    }

    static List<String> check(JsonNode event) {
        List<String> problems = new ArrayList<>();
        JsonNode typeNode = event.get("type");
        if (typeNode == null || !typeNode.isString()) {
            return problems; // the envelope schema reports it
        }
        String type = typeNode.stringValue();
        if (!KNOWN_TYPES.contains(type)) {
            problems.add("unknown type \"" + type + "\" (contract v1 knows " + String.join(", ", KNOWN_TYPES) + ")");
        }
        inRange("time", event.get("time"), problems);
        EventType.named(type).filter(known -> !known.isDelete()).ifPresent(known -> {
            JsonNode data = event.get("data");
            if (data != null && data.isObject()) {
                TIMESTAMPS.get(known.kind()).forEach(member -> inRange("data." + member, data.get(member), problems));
            }
        });
        unpairedSurrogate("id", event.get("id"), problems);
        JsonNode subject = event.get("subject");
        JsonNode data = event.get("data");
        if (data != null && data.get("product") != null) {
            unpairedSurrogate("data.product.id", data.get("product").get("id"), problems);
            unpairedSurrogate("data.product.name", data.get("product").get("name"), problems);
        }
        if (subject != null && subject.isString() && data != null && data.isObject()) {
            EntityKind.ofType(type).ifPresent(topic -> {
                JsonNode id = data.get(topic.idMember());
                if (id != null && id.isString() && !id.stringValue().equalsIgnoreCase(subject.stringValue())) {
                    problems.add("subject \"" + subject.stringValue() + "\" differs from data." + topic.idMember()
                            + " \"" + id.stringValue() + "\"");
                }
            });
        }
        return problems;
    }

    /** Text PostgreSQL would not store as sent ({@link StorableText}); the schemas' patterns refuse U+0000 already. */
    private static void unpairedSurrogate(String name, JsonNode value, List<String> problems) {
        if (value != null && value.isString() && StorableText.hasUnpairedSurrogate(value.stringValue())) {
            problems.add(name + ": contains an unpaired surrogate, which PostgreSQL cannot store");
        }
    }

    /** A timestamp the schema accepted may still lie outside what PostgreSQL can store, or be a leap second. */
    private static void inRange(String name, JsonNode value, List<String> problems) {
        if (value == null || !value.isString()) {
            return; // the schemas report a missing or mistyped timestamp
        }
        try {
            Instants.parse(value.stringValue());
        } catch (IllegalArgumentException e) {
            // the schemas' date-time format takes a leap second, as RFC 3339 does; the projector cannot
            if (Instants.OUT_OF_RANGE.equals(e.getMessage()) || Instants.LEAP_SECOND.equals(e.getMessage())) {
                problems.add(name + ": " + e.getMessage() + " (is \"" + value.stringValue() + "\")");
            }
        }
    }
}
