package com.accountview.projector.events;

import static com.accountview.projector.events.Decoding.ACCOUNTS;
import static com.accountview.projector.events.Decoding.CONTRACTS;
import static com.accountview.projector.events.Decoding.STREAMING;
import static com.accountview.projector.events.Decoding.assertMalformed;
import static com.accountview.projector.events.Decoding.decode;
import static com.accountview.projector.events.Decoding.decodeAccount;
import static com.accountview.projector.events.Decoding.decodeContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.accountview.contract.AccountStatus;
import com.accountview.contract.ContractStatus;
import com.accountview.contract.EntityKind;
import com.accountview.projector.events.EntityEvent.AccountUpdated;
import com.accountview.projector.events.EntityEvent.ContractUpdated;
import com.accountview.testinfra.events.AccountEventBuilder;
import com.accountview.testinfra.events.ContractEventBuilder;
import com.accountview.testinfra.events.EventMode;
import com.accountview.testinfra.events.TestEvent;
import com.accountview.testinfra.events.TestEvents;

/** docs/events.md data: full state validated against the schema of its type, ids agreeing, extras ignored. */
class DataRulesTest {

    private static final UUID ACCOUNT = UUID.fromString("3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60");
    private static final UUID CONTRACT = UUID.fromString("9b2f6c1d-4e3a-4f5b-8c7d-2e1f0a9b8c7d");
    private static final AccountEventBuilder AN_ACCOUNT = TestEvents.account(ACCOUNT).externalId("214748364")
            .updatedAt(Instant.parse("2026-11-27T10:15:00Z"));
    private static final ContractEventBuilder A_CONTRACT = TestEvents.contract(CONTRACT).account(ACCOUNT);

    @ParameterizedTest
    @EnumSource(EventMode.class)
    void unknownDataFieldsAreIgnored(EventMode mode) {
        EntityEvent withExtras = decode(AN_ACCOUNT.dataField("segment", "SMB")
                .dataField("address", Map.of("city", "Madrid")).updated().record(ACCOUNTS, mode));

        assertThat(((AccountUpdated) withExtras).account())
                .isEqualTo(((AccountUpdated) decodeAccount(AN_ACCOUNT.updated())).account());
    }

    @Test
    void unknownProductFieldsAreIgnored() {
        ContractUpdated updated = (ContractUpdated) decodeContract(A_CONTRACT
                .dataField("product", Map.of("id", "TV", "name", "Tele", "tier", 3)).updated());

        assertThat(updated.contract().productId()).isEqualTo("TV");
    }

    @Test
    void dataIdThatDisagreesWithSubjectIsMalformed() {
        UUID other = UUID.fromString("0a9e8f7d-6c5b-4a39-8271-605f4e3d2c1b");

        assertMalformed(AN_ACCOUNT.dataField("account_id", other.toString()).updated().structured(ACCOUNTS))
                .hasMessage("data member 'account_id' " + other + " disagrees with attribute 'subject' " + ACCOUNT);
        assertMalformed(A_CONTRACT.dataField("contract_id", other.toString()).deleted().structured(CONTRACTS))
                .hasMessage("data member 'contract_id' " + other + " disagrees with attribute 'subject' " + CONTRACT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"account_id", "external_id", "customer_id", "status", "created_at", "updated_at"})
    void accountWithoutAFullStateMemberIsMalformed(String member) {
        assertMalformed(AN_ACCOUNT.withoutDataField(member).updated().structured(ACCOUNTS))
                .hasMessage("data does not match the JSON Schema of customers.account.updated:"
                        + " data: required property '" + member + "' not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"contract_id", "account_id", "status", "product", "start_date", "end_date",
            "created_at", "updated_at"})
    void contractWithoutAFullStateMemberIsMalformed(String member) {
        assertMalformed(A_CONTRACT.withoutDataField(member).created().structured(CONTRACTS))
                .hasMessageContaining("required property '" + member + "' not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer_id", "status", "created_at", "updated_at"})
    void accountMemberThatMayNotBeNullIsMalformedWhenNull(String member) {
        assertMalformed(AN_ACCOUNT.dataField(member, null).updated().structured(ACCOUNTS))
                .hasMessageContaining("data/" + member + ":");
    }

    @ParameterizedTest
    @ValueSource(strings = {"OPEN", "active", ""})
    void accountStatusOutsideTheContractIsMalformed(String status) {
        assertMalformed(AN_ACCOUNT.status(status).updated().structured(ACCOUNTS))
                .hasMessage("data does not match the JSON Schema of customers.account.updated: data/status:"
                        + " does not have a value in the enumeration [\"ACTIVE\", \"SUSPENDED\", \"CLOSED\"]"
                        + " (was \"" + status + "\")");
    }

    @ParameterizedTest
    @EnumSource(AccountStatus.class)
    void everyAccountStatusOfTheContractDecodes(AccountStatus status) {
        AccountUpdated updated = (AccountUpdated) decodeAccount(AN_ACCOUNT.status(status.name()).updated());

        assertThat(updated.account().status()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(ContractStatus.class)
    void everyContractStatusOfTheContractDecodes(ContractStatus status) {
        ContractUpdated updated = (ContractUpdated) decodeContract(A_CONTRACT.status(status.name()).updated());

        assertThat(updated.contract().status()).isEqualTo(status);
    }

    @Test
    void contractStatusOutsideTheContractIsMalformed() {
        assertMalformed(A_CONTRACT.status("EXPIRED").updated().structured(CONTRACTS))
                .hasMessageContaining("data/status: does not have a value in the enumeration")
                .hasMessageContaining("(was \"EXPIRED\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "ext/1", "ñ", "12345678901234567890123456789012345678901234567890123456789012345",
            ".", ".."})
    void externalIdTheApiCouldNeverLookUpIsMalformed(String externalId) {
        assertMalformed(AN_ACCOUNT.externalId(externalId).updated().structured(ACCOUNTS))
                .hasMessageContaining("data/external_id: does not match the regex pattern "
                        + "^(?!\\.{1,2}$)[A-Za-z0-9._:-]{1,64}$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"...", ".a", "a.", "a..b"})
    void externalIdWithDotsBesideOtherCharactersIsAccepted(String externalId) {
        AccountUpdated updated = (AccountUpdated) decodeAccount(AN_ACCOUNT.externalId(externalId).updated());

        assertThat(updated.account().externalId()).isEqualTo(externalId);
    }

    @ParameterizedTest
    @EnumSource(EventMode.class)
    void numberTooLargeForADoubleIsNeverReadAsText(EventMode mode) {
        TestEvent event = AN_ACCOUNT.updated();
        String number = "1e400";
        ProducerRecord<byte[], byte[]> record = mode == EventMode.BINARY
                ? withValue(event.binary(ACCOUNTS), event.dataJson().replace("\"214748364\"", number))
                : EnvelopeRulesTest.jsonRecord(event.structuredJson().replace("\"214748364\"", number), mode);

        assertMalformed(record).hasMessageContaining("data/external_id: ");
    }

    @ParameterizedTest
    @EnumSource(value = EventMode.class, names = {"STRUCTURED", "PLAIN"})
    void structuredDataWithDuplicateMembersIsMalformed(EventMode mode) {
        String json = AN_ACCOUNT.updated().structuredJson()
                .replace("\"external_id\":", "\"external_id\":\"other\",\"external_id\":");

        assertMalformed(EnvelopeRulesTest.jsonRecord(json, mode))
                .hasMessageContaining("Duplicate Object property \"external_id\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"contract_id\":", "\"status\":", "\"end_date\":", "\"product\":", "\"id\":\"P",
            "\"name\":", "\"tier\":", "\"city\":", "\"data\":"})
    void aMemberNamedTwiceAnywhereInAStructuredEventIsMalformed(String member) {
        String json = A_CONTRACT.endDate(Instant.parse("2027-01-01T00:00:00Z")).product("P1", "Fibra")
                .dataField("extra", Map.of("tier", "gold", "address", Map.of("city", "Madrid"))).updated()
                .structuredJson();
        String name = member.substring(0, member.indexOf(':') + 1);
        ProducerRecord<byte[], byte[]> once = structuredContract(json);
        assertThat(json).contains(member);
        assertThat(STREAMING.decode(EntityKind.CONTRACT, once.key(), once.value(), once.headers()))
                .as("the fast path reads the event whose members are each named once").isNotNull();

        assertMalformed(structuredContract(json.replaceFirst(Pattern.quote(member), name + "null," + member)))
                .hasMessageContaining("Duplicate Object property " + name.replace(":", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "9999-12-31T23:30:00-01:00"})
    void dataTimestampOutsideTheYearsOneToNineThousandNineHundredNinetyNineInUtcIsMalformed(String timestamp) {
        for (EventMode mode : EventMode.values()) {
            assertMalformed(AN_ACCOUNT.dataField("created_at", timestamp).updated().record(ACCOUNTS, mode))
                    .as("%s mode", mode).hasMessage("data member 'created_at' is outside the years 0001 to 9999"
                            + " in UTC: \"" + timestamp + "\"");
        }
    }

    @Test
    void fractionsFinerThanAMicrosecondAreRounded() {
        ContractUpdated updated = (ContractUpdated) decodeContract(A_CONTRACT
                .dataField("created_at", "2023-12-01T00:00:00.1234565Z")
                .dataField("updated_at", "2023-12-01T00:00:00.9999994Z").updated());

        assertThat(updated.contract().createdAt()).isEqualTo(Instant.parse("2023-12-01T00:00:00.123457Z"));
        assertThat(updated.contract().updatedAt()).isEqualTo(Instant.parse("2023-12-01T00:00:00.999999Z"));
    }

    private static ProducerRecord<byte[], byte[]> withValue(ProducerRecord<byte[], byte[]> record, String value) {
        return new ProducerRecord<>(record.topic(), null, record.key(), value.getBytes(StandardCharsets.UTF_8),
                record.headers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "AB-12_x.y:z", "1234567890123456789012345678901234567890123456789012345678901234"})
    void externalIdOfTheApiAlphabetIsAccepted(String externalId) {
        AccountUpdated updated = (AccountUpdated) decodeAccount(AN_ACCOUNT.externalId(externalId).updated());

        assertThat(updated.account().externalId()).isEqualTo(externalId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01", "2024-03-01T09:00:00", "2024-02-30T09:00:00Z", "yesterday",
            "+12024-03-01T09:00:00Z", "2024-03-01 09:00:00Z"})
    void timestampThatIsNotRfc3339WithOffsetIsMalformed(String timestamp) {
        assertMalformed(A_CONTRACT.dataField("start_date", timestamp).updated().structured(CONTRACTS))
                .hasMessageContaining("data/start_date:");
    }

    @Test
    void timestampsWithOffsetsAndFractionsAreNormalisedToInstants() {
        ContractUpdated updated = (ContractUpdated) decodeContract(A_CONTRACT
                .dataField("start_date", "2024-01-01T01:00:00+01:00")
                .dataField("created_at", "2023-12-01T00:00:00.123456Z").updated());

        assertThat(updated.contract().startDate()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(updated.contract().createdAt()).isEqualTo(Instant.parse("2023-12-01T00:00:00.123456Z"));
    }

    @Test
    void idThatIsNotAUuidIsMalformed() {
        assertMalformed(A_CONTRACT.dataField("account_id", "acc-1").updated().structured(CONTRACTS))
                .hasMessageContaining("data/account_id: does not match");
    }

    @Test
    void productWithoutIdIsMalformed() {
        assertMalformed(A_CONTRACT.dataField("product", Map.of("name", "Fibra")).updated().structured(CONTRACTS))
                .hasMessageContaining("data/product: required property 'id' not found");
    }

    @Test
    void textWithNulCharacterIsMalformed() {
        assertMalformed(A_CONTRACT.product("TV", "Tele\u0000").updated().structured(CONTRACTS))
                .hasMessageContaining("data/product/name:");
    }

    @Test
    void textWithAnUnpairedSurrogateIsMalformed() {
        String json = A_CONTRACT.product("TV", "Tele-X").updated().structuredJson().replace("Tele-X", "Tele\\udc00");

        assertMalformed(TestEvents.raw(CONTRACT.toString(), json).structured(CONTRACTS))
                .hasMessageStartingWith("data member 'product.name' contains an unpaired surrogate");
    }

    @Test
    void dataThatIsNotAnObjectIsMalformed() {
        String json = AN_ACCOUNT.updated().structuredJson().replaceFirst("\"data\":\\{.*}}$", "\"data\":[1]}");

        assertMalformed(TestEvents.raw(ACCOUNT.toString(), json).plain(ACCOUNTS))
                .hasMessage("data is not a JSON object");
    }

    @Test
    void eventWithoutDataIsMalformed() {
        String json = AN_ACCOUNT.updated().structuredJson().replaceFirst(",\"data\":\\{.*}}$", "}");

        assertMalformed(TestEvents.raw(ACCOUNT.toString(), json).plain(ACCOUNTS))
                .hasMessage("missing data: a customers.account.updated event carries the entity's full state");
    }

    @Test
    void nonJsonDataContentTypeIsMalformed() {
        assertMalformed(AN_ACCOUNT.attribute("datacontenttype", "text/plain").updated().binary(ACCOUNTS))
                .hasMessage("attribute 'datacontenttype' is not a JSON media type: \"text/plain\"");
    }

    @Test
    void jsonDataContentTypeWithParametersIsAccepted() {
        assertThat(decode(AN_ACCOUNT.attribute("datacontenttype", "application/json; charset=utf-8").updated()
                .binary(ACCOUNTS))).isInstanceOf(AccountUpdated.class);
    }

    @Test
    void binaryModeDataWithDuplicateMembersIsMalformed() {
        String data = "{\"account_id\":\"" + ACCOUNT + "\",\"account_id\":\"0a9e8f7d-6c5b-4a39-8271-605f4e3d2c1b\"}";
        ProducerRecord<byte[], byte[]> binary = AN_ACCOUNT.deleted().binary(ACCOUNTS);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(ACCOUNTS, null, binary.key(),
                data.getBytes(StandardCharsets.UTF_8), binary.headers());

        assertMalformed(record).hasMessage("data is not JSON: Duplicate Object property \"account_id\"");
    }

    private static ProducerRecord<byte[], byte[]> structuredContract(String json) {
        return TestEvents.raw(CONTRACT.toString(), json).withHeader("content-type", "application/cloudevents+json")
                .plain(CONTRACTS);
    }
}
