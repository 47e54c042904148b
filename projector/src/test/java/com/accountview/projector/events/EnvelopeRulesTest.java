package com.accountview.projector.events;

import static com.accountview.projector.events.Decoding.ACCOUNTS;
import static com.accountview.projector.events.Decoding.assertMalformed;
import static com.accountview.projector.events.Decoding.decodeAccount;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.accountview.projector.events.EntityEvent.Versioned;
import com.accountview.testinfra.events.AccountEventBuilder;
import com.accountview.testinfra.events.EventMode;
import com.accountview.testinfra.events.TestEvent;
import com.accountview.testinfra.events.TestEvents;

/** docs/events.md attributes: every required attribute, its form, and key = subject. */
class EnvelopeRulesTest {

    private static final UUID ACCOUNT = UUID.fromString("3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60");
    private static final AccountEventBuilder EVENT = TestEvents.account(ACCOUNT).externalId("214748364");

    @ParameterizedTest
    @ValueSource(strings = {"id", "source", "type", "specversion", "time", "subject", "orgid", "sequence"})
    void missingRequiredAttributeIsMalformed(String attribute) {
        for (EventMode mode : EventMode.values()) {
            assertMalformed(EVENT.withoutAttribute(attribute).updated().record(ACCOUNTS, mode))
                    .as("%s mode", mode).hasMessageContaining(attribute);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "source", "type", "subject", "orgid", "sequence"})
    void emptyRequiredAttributeIsMalformed(String attribute) {
        assertMalformed(EVENT.attribute(attribute, "").updated().structured(ACCOUNTS))
                .hasMessageContaining("'" + attribute + "'");
    }

    @Test
    void attributesBecomeTheEventMetadata() {
        Versioned event = (Versioned) decodeAccount(EVENT.eventId("evt-1").source("https://crm.example/v2")
                .time(Instant.parse("2026-11-27T10:15:00.123Z")).org("telco_es-2").sequence(42).updated());

        assertThat(event.metadata()).isEqualTo(new EventMetadata("evt-1", URI.create("https://crm.example/v2"),
                "customers.account.updated", Instant.parse("2026-11-27T10:15:00.123Z"), ACCOUNT, "telco_es-2",
                BigInteger.valueOf(42)));
    }

    @Test
    void sequenceWithLeadingZerosComparesAsNumber() {
        Versioned padded = (Versioned) decodeAccount(EVENT.sequence("0010").updated());
        Versioned nine = (Versioned) decodeAccount(EVENT.sequence("9").updated());

        assertThat(padded.metadata().sequence()).isEqualTo(BigInteger.TEN).isGreaterThan(nine.metadata().sequence());
    }

    @Test
    void sequenceBeyondLongRangeIsExact() {
        Versioned event = (Versioned) decodeAccount(EVENT.sequence("123456789012345678901234567890").updated());

        assertThat(event.metadata().sequence()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7a", "-1", "+7", "7.0", "1e3", " 7", "٣"})
    void sequenceThatIsNotANonNegativeDecimalIntegerIsMalformed(String sequence) {
        assertMalformed(EVENT.sequence(sequence).updated().structured(ACCOUNTS))
                .hasMessage("attribute 'sequence' is not a non-negative decimal integer of at most 100 digits: "
                        + Malformed.quote(sequence));
    }

    @Test
    void sequenceOfMoreThanHundredDigitsIsMalformed() {
        assertMalformed(EVENT.sequence("1".repeat(101)).updated().structured(ACCOUNTS))
                .hasMessageStartingWith("attribute 'sequence' is not a non-negative decimal integer of at most 100");
    }

    @Test
    void sequenceAsJsonNumberIsMalformed() {
        assertMalformed(EVENT.attribute("sequence", 7).updated().structured(ACCOUNTS))
                .hasMessage("attribute 'sequence' is not a string (CloudEvents sequence is a String, e.g. \"7\"): 7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Telco", "-telco", "telco.es", "tel co", "_x"})
    void orgIdTheApiCouldNeverLookUpIsMalformed(String orgId) {
        assertMalformed(EVENT.org(orgId).updated().structured(ACCOUNTS))
                .hasMessage("attribute 'orgid' does not match [a-z0-9][a-z0-9_-]{0,62}: " + Malformed.quote(orgId));
    }

    @Test
    void orgIdOfSixtyThreeCharactersIsAccepted() {
        String orgId = "a".repeat(63);

        assertThat(((Versioned) decodeAccount(EVENT.org(orgId).updated())).metadata().orgId()).isEqualTo(orgId);
        assertMalformed(EVENT.org(orgId + "a").updated().structured(ACCOUNTS)).hasMessageContaining("'orgid'");
    }

    @Test
    void specversionOtherThanOneIsMalformed() {
        assertMalformed(EVENT.attribute("specversion", "0.3").updated().structured(ACCOUNTS))
                .hasMessage("attribute 'specversion' is not 1.0: \"0.3\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-27", "2026-11-27T10:15:00", "2026-13-27T10:15:00Z"})
    void timeThatIsNotRfc3339WithOffsetIsMalformed(String time) {
        assertMalformed(EVENT.attribute("time", time).updated().structured(ACCOUNTS))
                .hasMessageContaining("'time'").hasMessageContaining(time);
    }

    @Test
    void timeWithOffsetIsNormalisedToAnInstant() {
        Versioned event = (Versioned) decodeAccount(EVENT.attribute("time", "2026-11-27T11:15:00+01:00").updated());

        assertThat(event.metadata().time()).isEqualTo(Instant.parse("2026-11-27T10:15:00Z"));
    }

    @Test
    void sourceThatIsNotAUriIsMalformed() {
        assertMalformed(EVENT.source("::: not a uri").updated().structured(ACCOUNTS))
                .hasMessage("attribute 'source' is not a URI reference: \"::: not a uri\"");
    }

    /** RFC 3986 has no characters beyond printable US-ASCII; Java's URI would take them. */
    @Test
    void sourceWithCharactersNoUriHasIsMalformed() {
        assertMalformed(EVENT.source("/crm/caf\u00e9").updated().structured(ACCOUNTS))
                .hasMessage("attribute 'source' is not a URI reference: \"/crm/caf\u00e9\"");
    }

    /** PostgreSQL would store '?' for it: two events differing only there would be one. */
    @Test
    void idWithAnUnpairedSurrogateIsMalformed() {
        String json = EVENT.eventId("evt-X").updated().structuredJson().replace("\"evt-X\"", "\"evt-\\ud800\"");

        assertMalformed(TestEvents.raw(ACCOUNT.toString(), json).structured(ACCOUNTS))
                .hasMessageStartingWith("attribute 'id' is longer than 256 characters or contains U+0000 or an unpaired"
                        + " surrogate");
    }

    @Test
    void idWithACharacterBeyondTheBasicPlaneIsAccepted() {
        String json = EVENT.eventId("evt-X").updated().structuredJson().replace("\"evt-X\"", "\"evt-\\ud83d\\ude00\"");

        Versioned event = (Versioned) Decoding.decode(TestEvents.raw(ACCOUNT.toString(), json).structured(ACCOUNTS));

        assertThat(event.metadata().id()).isEqualTo("evt-\ud83d\ude00");
    }

    /** Decoded leniently, every invalid byte would become U+FFFD, and two different ids one. */
    @Test
    void binaryHeaderThatIsNotUtf8IsMalformed() {
        ProducerRecord<byte[], byte[]> record = EVENT.updated().binary(ACCOUNTS);
        record.headers().remove("ce_id");
        record.headers().add("ce_id", new byte[] {'i', 'd', '-', (byte) 0xff});

        assertMalformed(record).hasMessage("header 'ce_id' is not UTF-8 text");
    }

    /** The log names a dead letter by its event id when the record had a valid one. */
    @Test
    void malformedRecordCarriesItsEventIdWhenItHasAValidOne() {
        assertMalformed(EVENT.eventId("evt-9").sequence("7a").updated().structured(ACCOUNTS))
                .isInstanceOfSatisfying(UnableToDecodeEventException.class,
                        malformed -> assertThat(malformed.eventId()).isEqualTo("evt-9"));
        assertMalformed(EVENT.eventId("x".repeat(257)).updated().structured(ACCOUNTS))
                .isInstanceOfSatisfying(UnableToDecodeEventException.class,
                        malformed -> assertThat(malformed.eventId()).isNull());
    }

    @Test
    void idLongerThan256CharactersIsMalformed() {
        assertMalformed(EVENT.eventId("x".repeat(257)).updated().structured(ACCOUNTS))
                .hasMessageStartingWith("attribute 'id' is longer than 256 characters or contains U+0000");
    }

    @ParameterizedTest
    @EnumSource(EventMode.class)
    void keyThatDisagreesWithSubjectIsMalformed(EventMode mode) {
        UUID other = UUID.fromString("0a9e8f7d-6c5b-4a39-8271-605f4e3d2c1b");

        assertMalformed(EVENT.key(other.toString()).updated().record(ACCOUNTS, mode))
                .hasMessage("record key " + other + " disagrees with attribute 'subject' " + ACCOUNT);
    }

    @Test
    void subjectThatIsNotAUuidIsMalformed() {
        assertMalformed(EVENT.subject("account-1").updated().structured(ACCOUNTS))
                .hasMessage("attribute 'subject' is not a UUID: \"account-1\"");
    }

    @Test
    void keyThatIsNotAUuidIsMalformed() {
        assertMalformed(EVENT.key("account-1").updated().structured(ACCOUNTS))
                .hasMessage("record key is not a UUID: \"account-1\"");
    }

    @Test
    void recordWithoutKeyIsMalformed() {
        assertMalformed(EVENT.key(null).updated().structured(ACCOUNTS))
                .hasMessage("record has no key: it must be the entity id");
    }

    @Test
    void subjectAgreesWithTheKeyWhateverItsCase() {
        String upper = ACCOUNT.toString().toUpperCase();

        assertThat(decodeAccount(EVENT.subject(upper).updated()).entityId()).isEqualTo(ACCOUNT);
    }

    @ParameterizedTest
    @EnumSource(EventMode.class)
    void keyThatIsNotTheLowerCaseUuidIsMalformed(EventMode mode) {
        String upper = ACCOUNT.toString().toUpperCase();

        assertMalformed(EVENT.key(upper).subject(upper).updated().record(ACCOUNTS, mode))
                .hasMessage("record key is not a UUID in lower case (one spelling per entity): \"" + upper + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00",
            "9999-12-31T23:59:59.9999996Z"})
    void timeOutsideTheYearsOneToNineThousandNineHundredNinetyNineInUtcIsMalformed(String time) {
        for (EventMode mode : EventMode.values()) {
            assertMalformed(EVENT.attribute("time", time).updated().record(ACCOUNTS, mode)).as("%s mode", mode)
                    .hasMessage("attribute 'time' is outside the years 0001 to 9999 in UTC: \"" + time + "\"");
        }
    }

    @Test
    void timeAtTheEdgesOfTheRangeIsAccepted() {
        assertThat(((Versioned) decodeAccount(EVENT.attribute("time", "0001-01-01T00:00:00Z").updated()))
                .metadata().time()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(((Versioned) decodeAccount(EVENT.attribute("time", "9999-12-31T23:59:59.999999Z").updated()))
                .metadata().time()).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    @ParameterizedTest
    @EnumSource(EventMode.class)
    void timeWithoutSecondsIsMalformedInEveryMode(EventMode mode) {
        assertMalformed(EVENT.attribute("time", "2026-11-27T10:15Z").updated().record(ACCOUNTS, mode))
                .hasMessage("attribute 'time' is not an RFC 3339 timestamp with seconds and an offset:"
                        + " \"2026-11-27T10:15Z\"");
    }

    @ParameterizedTest
    @EnumSource(value = EventMode.class, names = {"STRUCTURED", "PLAIN"})
    void nullOrgIdIsMissingNotTheOrganizationNull(EventMode mode) {
        String json = EVENT.updated().structuredJson().replace("\"orgid\":\"telco\"", "\"orgid\":null");

        assertMalformed(jsonRecord(json, mode)).hasMessage("missing required attribute 'orgid'");
    }

    @ParameterizedTest
    @EnumSource(value = EventMode.class, names = {"STRUCTURED", "PLAIN"})
    void duplicatedAttributeIsMalformed(EventMode mode) {
        String json = EVENT.updated().structuredJson().replace("\"orgid\":\"telco\"",
                "\"orgid\":\"telco\",\"orgid\":\"other\"");

        assertMalformed(jsonRecord(json, mode)).hasMessageContaining("Duplicate Object property \"orgid\"");
    }

    @Test
    void duplicatedAttributeHeaderIsMalformedInBinaryMode() {
        ProducerRecord<byte[], byte[]> record = EVENT.updated().binary(ACCOUNTS);
        record.headers().add("ce_orgid", "other".getBytes(StandardCharsets.UTF_8));

        assertMalformed(record).hasMessage("header 'ce_orgid' appears more than once");
    }

    @Test
    void attributeNameOutsideTheCloudEventsAlphabetIsMalformed() {
        String json = EVENT.updated().structuredJson().replace("\"orgid\":", "\"orgId\":\"x\",\"orgid\":");

        assertMalformed(jsonRecord(json, EventMode.STRUCTURED))
                .hasMessageStartingWith("attribute name \"orgId\" is not allowed");
    }

    /** The JSON as a structured-mode record (with its content-type) or a plain one (without). */
    static ProducerRecord<byte[], byte[]> jsonRecord(String json, EventMode mode) {
        TestEvent raw = TestEvents.raw(ACCOUNT.toString(), json);
        return mode == EventMode.STRUCTURED
                ? raw.withHeader("content-type", "application/cloudevents+json").plain(ACCOUNTS)
                : raw.plain(ACCOUNTS);
    }
}
