package com.accountview.tools.contract;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The envelope rules of contract v1 for a structured-mode CloudEvent (DESIGN §1, docs/events.md):
 * required attributes and their formats, and the agreement of {@code subject} with the id in
 * {@code data}. The shape of {@code data} itself is the JSON Schemas' business. Stateless.
 */
final class CloudEventRules {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
    // RFC 3339 date-time; OffsetDateTime then checks that the fields are in range
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

    private CloudEventRules() {
    }

    static boolean isUuid(String text) {
        return UUID_TEXT.matcher(text).matches();
    }

    /** Everything wrong with the envelope of {@code event}, a JSON object. */
    static List<String> check(JsonNode event) {
        List<String> problems = new ArrayList<>();
        String specversion = requiredString(event, "specversion", problems);
        if (specversion != null && !specversion.equals("1.0")) {
            problems.add("specversion must be \"1.0\", is \"" + specversion + "\"");
        }
        requiredString(event, "id", problems);
        String source = requiredString(event, "source", problems);
        if (source != null && !isUriReference(source)) {
            problems.add("source must be a URI reference, is \"" + source + "\"");
        }
        String type = requiredString(event, "type", problems);
        if (type != null && !EventTypes.ALL.contains(type)) {
            problems.add("unknown type \"" + type + "\" (contract v1 knows " + String.join(", ", EventTypes.ALL) + ")");
        }
        String time = requiredString(event, "time", problems);
        if (time != null && !isRfc3339(time)) {
            problems.add("time must be an RFC 3339 date-time, is \"" + time + "\"");
        }
        String subject = requiredString(event, "subject", problems);
        if (subject != null && !isUuid(subject)) {
            problems.add("subject must be a UUID (the entity id), is \"" + subject + "\"");
        }
        requiredString(event, "orgid", problems);
        String sequence = requiredString(event, "sequence", problems);
        if (sequence != null && !DECIMAL.matcher(sequence).matches()) {
            problems.add("sequence must be a decimal integer in a string, is \"" + sequence + "\"");
        }
        checkDataContentType(event, problems);
        if (type != null && subject != null) {
            checkData(event, type, subject, problems);
        }
        return problems;
    }

    private static void checkDataContentType(JsonNode event, List<String> problems) {
        JsonNode contentType = event.get("datacontenttype");
        if (contentType == null) {
            return;
        }
        String mediaType = contentType.isString()
                ? contentType.stringValue().split(";", 2)[0].trim().toLowerCase(Locale.ROOT) : "";
        if (!mediaType.equals("application/json")) {
            problems.add("datacontenttype must be application/json, is " + contentType);
        }
    }

    private static void checkData(JsonNode event, String type, String subject, List<String> problems) {
        if (event.has("data_base64")) {
            problems.add("data_base64 is not supported: data must be a JSON object");
            return;
        }
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            problems.add(data == null ? "missing data" : "data must be a JSON object");
            return;
        }
        EntityTopic.ofType(type).ifPresent(topic -> {
            JsonNode id = data.get(topic.idMember());
            if (id != null && id.isString() && !id.stringValue().equalsIgnoreCase(subject)) {
                problems.add("subject \"" + subject + "\" differs from data." + topic.idMember()
                        + " \"" + id.stringValue() + "\"");
            }
        });
    }

    private static String requiredString(JsonNode event, String attribute, List<String> problems) {
        JsonNode value = event.get(attribute);
        if (value == null || value.isNull()) {
            problems.add("missing required attribute " + attribute);
            return null;
        }
        if (!value.isString()) {
            problems.add(attribute + " must be a string, is " + value);
            return null;
        }
        if (value.stringValue().isEmpty()) {
            problems.add(attribute + " must not be empty");
            return null;
        }
        return value.stringValue();
    }

    private static boolean isUriReference(String text) {
        try {
            new URI(text);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isRfc3339(String text) {
        if (!RFC_3339.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text.toUpperCase(Locale.ROOT));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
