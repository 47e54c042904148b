package com.accountview.projector.events;

import static com.accountview.projector.events.Decoding.ACCOUNTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.accountview.contract.AccountStatus;
import com.accountview.contract.ContractStatus;
import com.accountview.contract.EventType;
import com.accountview.contract.JsonSchemas;
import com.accountview.testinfra.events.AccountEventBuilder;
import com.accountview.testinfra.events.TestEvent;
import com.accountview.testinfra.events.TestEvents;

/** The published schemas are sound, consistent with each other, and say what the decoder does. */
class SchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonSchemas SCHEMAS = JsonSchemas.load();
    private static final Schema ENVELOPE = SCHEMAS.envelope();
    private static final AccountEventBuilder ACCOUNT =
            TestEvents.account(UUID.fromString("3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60")).externalId("214748364");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everySchemaIsAValidDraft202012Schema(EventType type) {
        Schema metaSchema = JsonSchemas.registry().getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(schemaNode(type.typeName()))).isEmpty();
        assertThat(metaSchema.validate(schemaNode("cloudevent"))).isEmpty();
    }

    @Test
    void createdAndUpdatedSchemasDifferOnlyInTheirNames() {
        for (String entity : new String[] {"account", "contract"}) {
            ObjectNode created = (ObjectNode) schemaNode("customers." + entity + ".created");
            ObjectNode updated = (ObjectNode) schemaNode("customers." + entity + ".updated");
            Stream.of("$id", "title").forEach(name -> {
                created.remove(name);
                updated.remove(name);
            });

            assertThat(created).isEqualTo(updated);
        }
    }

    @Test
    void schemaStatusesAreTheStatusesOfTheModel() {
        assertThat(enumOf("customers.account.updated")).containsExactly(names(AccountStatus.values()));
        assertThat(enumOf("customers.contract.updated")).containsExactly(names(ContractStatus.values()));
    }

    static Stream<Arguments> envelopes() {
        return Stream.of(
                Arguments.of("valid", ACCOUNT.updated()),
                Arguments.of("padded sequence", ACCOUNT.sequence("0007").updated()),
                Arguments.of("offset time", ACCOUNT.attribute("time", "2026-11-27T11:15:00+01:00").updated()),
                Arguments.of("unknown extension", ACCOUNT.attribute("traceparent", "00-abc-01").updated()),
                Arguments.of("no datacontenttype", ACCOUNT.withoutAttribute("datacontenttype").updated()),
                Arguments.of("no id", ACCOUNT.withoutAttribute("id").updated()),
                Arguments.of("empty id", ACCOUNT.eventId("").updated()),
                Arguments.of("no source", ACCOUNT.withoutAttribute("source").updated()),
                Arguments.of("no time", ACCOUNT.withoutAttribute("time").updated()),
                Arguments.of("bad time", ACCOUNT.attribute("time", "yesterday").updated()),
                Arguments.of("no subject", ACCOUNT.withoutAttribute("subject").updated()),
                Arguments.of("subject not uuid", ACCOUNT.subject("x").key("x").updated()),
                Arguments.of("no orgid", ACCOUNT.withoutAttribute("orgid").updated()),
                Arguments.of("upper-case orgid", ACCOUNT.org("Telco").updated()),
                Arguments.of("no sequence", ACCOUNT.withoutAttribute("sequence").updated()),
                Arguments.of("sequence 7a", ACCOUNT.sequence("7a").updated()),
                Arguments.of("sequence number", ACCOUNT.attribute("sequence", 7).updated()),
                Arguments.of("sequence 101 digits", ACCOUNT.sequence("1".repeat(101)).updated()),
                Arguments.of("specversion 0.3", ACCOUNT.attribute("specversion", "0.3").updated()),
                Arguments.of("text data", ACCOUNT.attribute("datacontenttype", "text/plain").updated()),
                Arguments.of("unknown type", ACCOUNT.ofType("customers.account.merged")),
                Arguments.of("type of another namespace", ACCOUNT.ofType("com.example.audit.logged")),
                Arguments.of("empty type", ACCOUNT.ofType("")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void envelopeSchemaAndDecoderAgree(String name, TestEvent event) {
        boolean schemaAccepts = ENVELOPE.validate(JSON.readTree(event.structuredJson())).isEmpty();
        boolean decoderAccepts = catchThrowable(() -> Decoding.decode(event.structured(ACCOUNTS))) == null;

        assertThat(decoderAccepts).as("decoder accepts").isEqualTo(schemaAccepts);
    }

    private static JsonNode schemaNode(String name) {
        return JSON.readTree(SchemasTest.class.getResourceAsStream(JsonSchemas.LOCATION + name + ".json"));
    }

    private static String[] enumOf(String type) {
        return schemaNode(type).get("properties").get("status").get("enum").valueStream()
                .map(JsonNode::asString).toArray(String[]::new);
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
