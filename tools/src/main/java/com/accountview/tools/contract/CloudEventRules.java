package com.accountview.tools.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The rules of contract v1 that the JSON Schemas cannot state: the type must be one this version
 * knows (consumers skip others, so publishing one is almost always a typo), and the {@code subject}
 * must name the same entity as the id in {@code data}. Stateless.
 */
final class CloudEventRules {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CloudEventRules() {
    }

    static boolean isUuid(String text) {
        return UUID_TEXT.matcher(text).matches();
    }

    static List<String> check(JsonNode event) {
        List<String> problems = new ArrayList<>();
        JsonNode typeNode = event.get("type");
        if (typeNode == null || !typeNode.isString()) {
            return problems; // the envelope schema reports it
        }
        String type = typeNode.stringValue();
        if (!EventTypes.ALL.contains(type)) {
            problems.add("unknown type \"" + type + "\" (contract v1 knows " + String.join(", ", EventTypes.ALL) + ")");
        }
        JsonNode subject = event.get("subject");
        JsonNode data = event.get("data");
        if (subject != null && subject.isString() && data != null && data.isObject()) {
            EntityTopic.ofType(type).ifPresent(topic -> {
                JsonNode id = data.get(topic.idMember());
                if (id != null && id.isString() && !id.stringValue().equalsIgnoreCase(subject.stringValue())) {
                    problems.add("subject \"" + subject.stringValue() + "\" differs from data." + topic.idMember()
                            + " \"" + id.stringValue() + "\"");
                }
            });
        }
        return problems;
    }
}
