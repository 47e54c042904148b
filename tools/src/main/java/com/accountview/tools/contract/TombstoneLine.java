package com.accountview.tools.contract;

import java.util.Set;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.accountview.contract.EntityKind;

/**
 * The events-file form of a Kafka tombstone (a record with a null value), which JSON lines cannot
 * express otherwise: {@code {"tombstone": true, "topic": "accounts", "key": "<entity uuid>"}}, with
 * {@code topic} one of {@code accounts} and {@code contracts}.
 */
public final class TombstoneLine {

    static final String MARKER = "tombstone";
    static final String TOPIC = "topic";
    static final String KEY = "key";
    static final Set<String> MEMBERS = Set.of(MARKER, TOPIC, KEY);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TombstoneLine() {
    }

    /** The line for a tombstone of {@code key} on {@code topic}. */
    public static String format(EntityKind topic, String key) {
        ObjectNode line = JSON.createObjectNode();
        line.put(MARKER, true);
        line.put(TOPIC, topic.topicName());
        line.put(KEY, key);
        return JSON.writeValueAsString(line);
    }
}
