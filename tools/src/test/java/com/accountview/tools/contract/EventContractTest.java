package com.accountview.tools.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.accountview.contract.EntityKind;
import com.accountview.contract.Instants;

class EventContractTest {

    static final String ACCOUNT_ID = "3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60";

    /** The structured-mode example of docs/events.md. */
    static String accountUpdated() {
        return """
                {"specversion": "1.0", "id": "6b1d0c1e-3a55-4d0f-a6a2-0d6f8d0b9f11", "source": "/crm",
                 "type": "customers.account.updated", "time": "2026-11-27T10:15:00Z",
                 "subject": "3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60", "orgid": "telco", "sequence": "7",
                 "datacontenttype": "application/json",
                 "data": {"account_id": "3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60", "external_id": "214748364",
                          "customer_id": "0a9e8f7d-6c5b-4a39-8271-605f4e3d2c1b", "status": "ACTIVE",
                          "created_at": "2024-03-01T09:00:00Z", "updated_at": "2026-11-27T10:15:00Z"}}"""
                .replace("\n", " ");
    }

    private final EventContract contract = EventContract.load();

    @Test
    void theDesignExampleIsValidAndGoesToTheAccountTopicKeyedBySubject() {
        LineVerdict verdict = contract.check(accountUpdated());

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.record()).hasValueSatisfying(record -> {
            assertThat(record.topic()).isEqualTo(EntityKind.ACCOUNT);
            assertThat(record.key()).isEqualTo(ACCOUNT_ID);
            assertThat(record.value()).isEqualTo(accountUpdated());
        });
    }

    @Test
    void aMissingRequiredAttributeIsNamed() {
        LineVerdict verdict = contract.check(accountUpdated().replace("\"sequence\": \"7\",", ""));

        assertThat(verdict.problems()).containsExactly("required property 'sequence' not found");
    }

    @Test
    void sequenceMustBeADecimalInteger() {
        assertThat(contract.check(accountUpdated().replace("\"sequence\": \"7\"", "\"sequence\": \"7a\"")).problems())
                .containsExactly("sequence: does not match the regex pattern ^[0-9]{1,100}$ (is \"7a\")");
        assertThat(contract.check(accountUpdated().replace("\"sequence\": \"7\"", "\"sequence\": \"007\"")).valid())
                .as("leading zeros are allowed").isTrue();
    }

    @Test
    void subjectMustAgreeWithTheIdInData() {
        String other = "0a9e8f7d-6c5b-4a39-8271-605f4e3d2c1b";
        LineVerdict verdict = contract.check(accountUpdated().replace(
                "\"subject\": \"" + ACCOUNT_ID + "\"", "\"subject\": \"" + other + "\""));

        assertThat(verdict.problems()).singleElement().asString()
                .contains("subject \"" + other + "\" differs from data.account_id");
    }

    /** As the projector refuses them: text PostgreSQL cannot store as sent, a source no URI reference can be. */
    @Test
    void idWithAnUnpairedSurrogateAndSourceBeyondAsciiAreNamed() {
        LineVerdict verdict = contract.check(accountUpdated()
                .replace("\"id\": \"6b1d0c1e", "\"id\": \"\\ud800-6b1d0c1e").replace("\"/crm\"", "\"/caf\u00e9\""));

        assertThat(verdict.problems()).containsExactlyInAnyOrder(
                "source: does not match the uri-reference pattern must be a valid RFC 3986 URI-reference (is \"/caf\u00e9\")",
                "id: contains an unpaired surrogate, which PostgreSQL cannot store");
    }

    @Test
    void anUnknownTypeIsInvalidButStillNamesItsTopic() {
        LineVerdict verdict = contract.check(accountUpdated().replace("customers.account.updated", "customers.account.merged"));

        assertThat(verdict.problems()).singleElement().asString().startsWith("unknown type \"customers.account.merged\"");
        assertThat(verdict.record()).map(OutgoingRecord::topic).hasValue(EntityKind.ACCOUNT);
    }

    @Test
    void timeMustBeRfc3339() {
        assertThat(contract.check(accountUpdated().replace("\"time\": \"2026-11-27T10:15:00Z\"",
                "\"time\": \"2026-11-27 10:15\"")).problems())
                .isNotEmpty().allSatisfy(problem -> assertThat(problem).startsWith("time: ").contains("(is \"2026-11-27 10:15\")"));
    }

    @Test
    void specversionMustBeOnePointZero() {
        assertThat(contract.check(accountUpdated().replace("\"1.0\"", "\"0.3\"")).problems())
                .containsExactly("specversion: must be the constant value '1.0' (is \"0.3\")");
    }

    @Test
    void dataMustMatchTheSchemaOfItsType() {
        assertThat(contract.check(accountUpdated().replace("\"status\": \"ACTIVE\"", "\"status\": \"OPEN\"")).problems())
                .singleElement().asString().startsWith("data.status: ").contains("OPEN");
    }

    @Test
    void aLineThatIsNotJsonNamesNoTopic() {
        LineVerdict verdict = contract.check("{\"specversion\": ");

        assertThat(verdict.problems()).singleElement().asString().startsWith("not valid JSON");
        assertThat(verdict.record()).isEmpty();
    }

    @Test
    void aJsonValueThatIsNotAnObjectIsInvalid() {
        assertThat(contract.check("\"an event\"").problems()).containsExactly("not a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "[", "  [{\"specversion\": \"1.0\"},"})
    void aLineThatStartsAJsonArrayIsToldThatEventsGoOnePerLine(String line) {
        assertThat(contract.check(line).problems()).singleElement().asString()
                .endsWith("(an events file holds one JSON object per line, JSON Lines, not a JSON array)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\": [1, 2}", "{} {}", "{\"a\": 1,}"})
    void aJsonSyntaxErrorTellsTheColumnAndWhatWasExpectedWithoutTheParsersInternals(String line) {
        assertThat(contract.check(line).problems()).singleElement().asString()
                .matches("not valid JSON at column [0-9]+: .+")
                .doesNotContain("Source", "REDACTED", "StreamReadFeature", "#UNKNOWN", "JsonNode", "DeserializationFeature");
    }

    @Test
    void anUnclosedObjectSaysSo() {
        assertThat(contract.check("{").problems())
                .containsExactly("not valid JSON at column 2: Unexpected end-of-input: expected close marker for Object");
    }

    @Test
    void aTombstoneLineIsAKafkaTombstoneOfItsKey() {
        LineVerdict verdict = contract.check(TombstoneLine.format(EntityKind.CONTRACT, ACCOUNT_ID));

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.record()).hasValue(OutgoingRecord.tombstone(EntityKind.CONTRACT, ACCOUNT_ID));
    }

    /** The projector reads a key in lower case only; the line may spell the id in either case. */
    @Test
    void aTombstoneKeyIsPublishedInLowerCase() {
        LineVerdict verdict = contract.check(TombstoneLine.format(EntityKind.ACCOUNT, ACCOUNT_ID.toUpperCase()));

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.record()).hasValue(OutgoingRecord.tombstone(EntityKind.ACCOUNT, ACCOUNT_ID));
    }

    @Test
    void aLeapSecondIsNamed() {
        LineVerdict verdict = contract.check(accountUpdated().replace("\"time\": \"2026-11-27T10:15:00Z\"",
                "\"time\": \"2016-12-31T23:59:60Z\""));

        assertThat(verdict.problems()).containsExactly("time: " + Instants.LEAP_SECOND + " (is \"2016-12-31T23:59:60Z\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"tombstone\": false, \"topic\": \"accounts\", \"key\": \"" + ACCOUNT_ID + "\"}",
            "{\"tombstone\": \"true\", \"topic\": \"accounts\", \"key\": \"" + ACCOUNT_ID + "\"}",
            "{\"tombstone\": true, \"topic\": \"accounts\", \"key\": \"" + ACCOUNT_ID + "\", \"reason\": \"gdpr\"}",
            "{\"tombstone\": true, \"topic\": \"accounts\"}"})
    void anInvalidTombstoneLineIsNoRecordAtAll(String line) {
        LineVerdict verdict = contract.check(line);

        assertThat(verdict.problems()).isNotEmpty();
        assertThat(verdict.record()).isEmpty();
        assertThat(contract.route(line)).isEmpty();
    }

    @Test
    void aTombstoneLineNeedsAKnownTopicAndAUuidKey() {
        assertThat(contract.check("{\"tombstone\": true, \"topic\": \"orders\", \"key\": \"" + ACCOUNT_ID + "\"}").problems())
                .containsExactly("a tombstone line needs \"topic\": \"accounts\" or \"contracts\"");
        assertThat(contract.check("{\"tombstone\": true, \"topic\": \"accounts\", \"key\": \"abc\"}").problems())
                .containsExactly("a tombstone line needs \"key\": the entity's UUID");
    }
}
