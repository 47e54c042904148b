package com.accountview.tools.contract;

import java.util.Objects;

import com.accountview.contract.EntityKind;

/**
 * One Kafka record to publish: its logical topic, its key and its value, a structured-mode
 * CloudEvent as JSON text, or {@code null} for a Kafka tombstone.
 */
public record OutgoingRecord(EntityKind topic, String key, String value) {

    public OutgoingRecord {
        Objects.requireNonNull(topic, "topic");
    }

    public static OutgoingRecord event(EntityKind topic, String key, String cloudEventJson) {
        return new OutgoingRecord(topic, key, Objects.requireNonNull(cloudEventJson, "cloudEventJson"));
    }

    public static OutgoingRecord tombstone(EntityKind topic, String key) {
        return new OutgoingRecord(topic, Objects.requireNonNull(key, "key"), null);
    }

    public boolean isTombstone() {
        return value == null;
    }
}
