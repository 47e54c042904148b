package com.accountview.testinfra.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Entry point for building real Kafka records of the event contract (docs/events.md) in tests:
 *
 * <pre>{@code
 * TestEvent event = TestEvents.account(accountId).org("telco").sequence(7).externalId("214748364").updated();
 * producer.send(event.structured(topics.accounts()));
 * producer.send(TestEvents.tombstone(accountId).record(topic, EventMode.BINARY));
 * producer.send(TestEvents.raw("k", "not json").withHeader("content-type", "application/cloudevents+json").plain(topic));
 * }</pre>
 *
 * Builders and events are immutable and thread-safe.
 */
public final class TestEvents {

    private TestEvents() {
    }

    /** An account event keyed, subjected and identified by {@code accountId}. */
    public static AccountEventBuilder account(UUID accountId) {
        return new AccountEventBuilder(accountId);
    }

    /** A contract event keyed, subjected and identified by {@code contractId}. */
    public static ContractEventBuilder contract(UUID contractId) {
        return new ContractEventBuilder(contractId);
    }

    /** A Kafka tombstone (null value) for the entity {@code key}. */
    public static TestEvent tombstone(UUID key) {
        return TestEvent.tombstone(key.toString());
    }

    /** A record with exactly this key and value (either may be null), for malformed-event tests. */
    public static TestEvent raw(String key, String value) {
        return TestEvent.raw(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** A record with exactly this key and value bytes (value may be null), for malformed-event tests. */
    public static TestEvent raw(String key, byte[] value) {
        return TestEvent.raw(key, value);
    }
}
