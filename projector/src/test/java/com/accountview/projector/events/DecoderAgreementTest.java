package com.accountview.projector.events;

import static com.accountview.projector.events.Decoding.ACCOUNTS;
import static com.accountview.projector.events.Decoding.CONTRACTS;
import static com.accountview.projector.events.Decoding.STREAMING;
import static com.accountview.projector.events.Decoding.assertPathsAgree;
import static com.accountview.projector.events.Decoding.describe;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.accountview.contract.EntityKind;
import com.accountview.testinfra.events.EntityEventBuilder;
import com.accountview.testinfra.events.EventMode;
import com.accountview.testinfra.events.TestEvent;
import com.accountview.testinfra.events.TestEvents;

/**
 * The decoder's streaming path holds to the schema path (see {@link CloudEventDecoder}): generated
 * valid events of every type are read by both, to the same event; generated variants of them,
 * mutated member by member and character by character, are either read by both to the same event
 * or never accepted by the streaming path alone. Seeded: a failure names its record and repeats.
 */
class DecoderAgreementTest {

    private static final long SEED = 20261202L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] ACCOUNT_STATUSES = {"ACTIVE", "SUSPENDED", "CLOSED"};
    private static final String[] CONTRACT_STATUSES = {"PENDING", "ACTIVE", "SUSPENDED", "TERMINATED", "CANCELLED"};
    /** Values at and beyond the edges of the contract's rules, put in place of members' values. */
    private static final String[] EDGE_VALUES = {"\"0000-12-31T23:00:00-01:00\"", "\"0001-01-01T00:30:00+01:00\"",
            "\"2024-02-29T00:00:00+18:00\"", "\"2024-02-29T00:00:00+18:01\"", "\"2024-01-01T00:00:00-00:00\"",
            "\"2024-01-01T23:59:60Z\"", "\"2024-01-01T00:00:00.123456789+05:30\"", "\"2024-01-01T00:00:00.1234567891Z\"",
            "\"9999-12-31T23:59:59.9999995Z\"", "\"9999-12-31T23:30:00-01:00\"", "\"2023-02-29T00:00:00Z\"",
            "\"2024-01-01T00:00:00z\"", "\"2024-01-01 00:00:00Z\"", "\"3F0C2A6E-8D1B-4C5E-9A7F-1B2C3D4E5F60\"",
            "\"3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f6\"", "\"1-2-3-4-5\"", "\"\"", "null", "1", "-0", "1e400", "1.5",
            "true", "{}", "[]", "[\"a\",{\"b\":null}]", "{\"x\":[{\"y\":\"z\"}]}", "\"\\u0000\"", "\"a\\u0000b\"",
            "\"ACTIVE\"", "\"PENDING\"", "\"active\"", "\"CLOSED \"", "\".\"", "\"..\"", "\"...\"", "\"a:b-c_d.e\"",
            "\"ñ\"", "\"" + "x".repeat(65) + "\"", "\"" + "x".repeat(64) + "\"", "{\"id\":\"X\",\"name\":\"Y\"}",
            "{\"id\":\"\",\"name\":\"Y\"}", "{\"id\":\"X\"}", "{\"id\":\"X\",\"name\":null}", "\"1.0\"", "\"1.1\"",
            "\"007\"", "\"" + "9".repeat(101) + "\"", "\"" + "9".repeat(100) + "\"", "\"telco\"", "\"Telco\"",
            "\"-telco\"", "\"customers.account.updated\"", "\"customers.contract.deleted\"", "\"customers.party.x\"",
            "\"application/json\"", "\"application/json; charset=utf-8\"", "\"text/plain\"", "\"urn:a\"",
            "\"http://x y\"", "\"%\""};
    private static final String[] ATTRIBUTE_NAMES = {"partitionkey", "traceparent", "Bad", "bad_name", "data_base64",
            "datacontenttype", "dataschema", "specversion", "sequence", "orgid", "time", "subject", "source", "id",
            "type", "data"};
    private static final String JSON_CHARACTERS = "{}[]\",:\\ 0aZ-.nul";

    @Test
    void validEventsOfEveryTypeAreReadByTheStreamingDecoderAsTheSchemaDecoderReadsThem() {
        Random random = new Random(SEED);
        for (int i = 0; i < 1_000; i++) {
            TestEvent event = validEvent(random);
            String topic = event.type().contains(".account.") ? ACCOUNTS : CONTRACTS;
            for (EventMode mode : EventMode.values()) {
                ProducerRecord<byte[], byte[]> record = event.record(topic, mode);
                assertThat(assertPathsAgree(record)).as("a valid event: %s", describe(record)).isNotNull();
                if (mode != EventMode.BINARY) {
                    assertThat(STREAMING.decode(kindOf(topic), record.key(), record.value(), record.headers()))
                            .as("the streaming decoder reads a valid %s event: %s", mode, describe(record)).isNotNull();
                }
            }
        }
    }

    @Test
    void mutatedEventsAreReadAlikeOrLeftToTheSchemaDecoder() {
        Random random = new Random(SEED + 1);
        int acceptedByBoth = 0;
        int refused = 0;
        for (int i = 0; i < 12_000; i++) {
            TestEvent event = validEvent(random);
            String topic = random.nextInt(10) == 0 ? (random.nextBoolean() ? ACCOUNTS : CONTRACTS)
                    : event.type().contains(".account.") ? ACCOUNTS : CONTRACTS;
            String json = mutated(event.structuredJson(), random);
            TestEvent raw = TestEvents.raw(random.nextInt(20) == 0 ? event.key().toUpperCase() : event.key(), json);
            ProducerRecord<byte[], byte[]> record = random.nextBoolean()
                    ? raw.withHeader("content-type", "application/cloudevents+json").plain(topic) : raw.plain(topic);
            EntityEvent decoded = assertPathsAgree(record);
            if (decoded == null) {
                refused++;
            } else if (STREAMING.decode(kindOf(topic), record.key(), record.value(), record.headers()) != null) {
                acceptedByBoth++;
            }
        }
        // both outcomes must be common, or the agreement above was never put to the test
        assertThat(acceptedByBoth).isGreaterThan(300);
        assertThat(refused).isGreaterThan(3_000);
    }

    private static TestEvent validEvent(Random random) {
        boolean account = random.nextBoolean();
        UUID id = new UUID(random.nextLong(), random.nextLong());
        EntityEventBuilder<?> builder = account ? accountBuilder(id, random) : contractBuilder(id, random);
        builder = builder.sequence(random.nextInt(5) == 0 ? "1" + "0".repeat(random.nextInt(40)) : String.valueOf(random.nextInt(1000)))
                .eventId("evt-" + random.nextInt(1_000_000) + (random.nextBoolean() ? "-ü" : ""))
                .time(instant(random));
        if (random.nextInt(4) == 0) {
            builder = builder.attribute("partitionkey", "p" + random.nextInt(9));
        }
        if (random.nextInt(4) == 0) {
            builder = builder.dataField("extra", random.nextBoolean() ? "text" : Map.of("nested", List.of("a", "b")));
        }
        if (random.nextInt(5) == 0) {
            builder = builder.source("urn:system:" + random.nextInt(3));
        }
        return switch (random.nextInt(5)) {
            case 0, 1 -> builder.created();
            case 2, 3 -> builder.updated();
            default -> builder.deleted();
        };
    }

    private static EntityEventBuilder<?> accountBuilder(UUID id, Random random) {
        return TestEvents.account(id)
                .externalId(random.nextInt(5) == 0 ? null : "ext-" + random.nextInt(100_000) + (random.nextBoolean() ? ":A.b" : ""))
                .status(ACCOUNT_STATUSES[random.nextInt(ACCOUNT_STATUSES.length)])
                .createdAt(instant(random)).updatedAt(instant(random));
    }

    private static EntityEventBuilder<?> contractBuilder(UUID id, Random random) {
        var builder = TestEvents.contract(id).account(new UUID(random.nextLong(), random.nextLong()))
                .status(CONTRACT_STATUSES[random.nextInt(CONTRACT_STATUSES.length)])
                .product("P" + random.nextInt(50), random.nextBoolean() ? "Fibra 1 Gb" : "")
                .startDate(instant(random)).createdAt(instant(random)).updatedAt(instant(random));
        return random.nextBoolean() ? builder.endDate(instant(random)) : builder;
    }

    private static Instant instant(Random random) {
        return Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000));
    }

    /** One to three member-level changes, sometimes followed by character-level ones. */
    private static String mutated(String json, Random random) {
        ObjectNode event = (ObjectNode) JSON.readTree(json);
        for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
            ObjectNode target = event;
            if (random.nextBoolean() && event.get("data") instanceof ObjectNode data) {
                target = random.nextInt(4) == 0 && data.get("product") instanceof ObjectNode product ? product : data;
            }
            List<String> names = new ArrayList<>(target.propertyNames());
            String name = random.nextInt(5) == 0 || names.isEmpty()
                    ? ATTRIBUTE_NAMES[random.nextInt(ATTRIBUTE_NAMES.length)] : names.get(random.nextInt(names.size()));
            switch (random.nextInt(6)) {
                case 0 -> target.remove(name);
                case 1 -> event = dataFirst(event);
                default -> target.set(name, JSON.readTree(EDGE_VALUES[random.nextInt(EDGE_VALUES.length)]));
            }
        }
        String text = JSON.writeValueAsString(event);
        if (random.nextInt(4) == 0) {
            text = withAMemberNamedTwice(text, event, random);
        }
        StringBuilder characters = new StringBuilder(text);
        for (int edits = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0; edits > 0; edits--) {
            int at = random.nextInt(characters.length());
            char c = JSON_CHARACTERS.charAt(random.nextInt(JSON_CHARACTERS.length()));
            switch (random.nextInt(3)) {
                case 0 -> characters.insert(at, c);
                case 1 -> characters.deleteCharAt(at);
                default -> characters.setCharAt(at, c);
            }
        }
        return characters.toString();
    }

    /** A member of the event, its data, the product or a nested extra, named a second time before the first. */
    private static String withAMemberNamedTwice(String text, ObjectNode event, Random random) {
        List<String> names = new ArrayList<>();
        collectNames(event, names);
        if (names.isEmpty()) {
            return text;
        }
        String member = "\"" + names.get(random.nextInt(names.size())) + "\":";
        String value = random.nextBoolean() ? "\"other\"" : EDGE_VALUES[random.nextInt(EDGE_VALUES.length)];
        int at = text.indexOf(member);
        return at < 0 ? text : text.substring(0, at) + member + value + "," + text.substring(at);
    }

    private static void collectNames(JsonNode node, List<String> names) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(member -> {
                names.add(member.getKey());
                collectNames(member.getValue(), names);
            });
        } else if (node != null && node.isArray()) {
            node.forEach(element -> collectNames(element, names));
        }
    }

    /** The same members with {@code data} first, before {@code type}. */
    private static ObjectNode dataFirst(ObjectNode event) {
        ObjectNode reordered = JSON.createObjectNode();
        JsonNode data = event.get("data");
        if (data != null) {
            reordered.set("data", data);
        }
        event.properties().forEach(member -> {
            if (!member.getKey().equals("data")) {
                reordered.set(member.getKey(), member.getValue());
            }
        });
        return reordered;
    }

    private static EntityKind kindOf(String topic) {
        return topic.equals(ACCOUNTS) ? EntityKind.ACCOUNT : EntityKind.CONTRACT;
    }
}
