package com.accountview.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    private static final UUID ID = UUID.fromString("3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60");

    @Test
    void aUuidInCanonicalFormOfEitherCaseNamesTheSameEntity() {
        assertThat(Identifiers.uuid(ID.toString())).hasValue(ID);
        assertThat(Identifiers.uuid(ID.toString().toUpperCase())).hasValue(ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-2-3-4-5", "3f0c2a6e8d1b4c5e9a7f1b2c3d4e5f60", "{3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60}", ""})
    void nonCanonicalFormsAreNoIds(String text) {
        assertThat(Identifiers.uuid(text)).isEmpty();
    }

    @Test
    void aKeySpellsTheIdInLowerCaseOnly() {
        assertThat(Identifiers.isKeyOf(ID.toString(), ID)).isTrue();
        assertThat(Identifiers.isKeyOf(ID.toString().toUpperCase(), ID)).isFalse();
    }

    @Test
    void anEventIdIsOneTo256CharactersOfStorableText() {
        assertThat(Identifiers.isEventId("6b1d0c1e-3a55-4d0f-a6a2-0d6f8d0b9f11")).isTrue();
        assertThat(Identifiers.isEventId("x".repeat(256))).isTrue();
        assertThat(Identifiers.isEventId("evt-\ud83d\ude00")).isTrue();
        assertThat(Identifiers.isEventId("")).isFalse();
        assertThat(Identifiers.isEventId(null)).isFalse();
        assertThat(Identifiers.isEventId("x".repeat(257))).isFalse();
        assertThat(Identifiers.isEventId("evt-\u0000")).isFalse();
        assertThat(Identifiers.isEventId("evt-\ud800")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/crm", "https://crm.example/v2?x=%C3%A9", "urn:crm:eu", ":::"})
    void uriReferenceTextIsPrintableAscii(String source) {
        assertThat(Identifiers.isUriReferenceText(source)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/caf\u00e9", "/crm\tx", "/crm x", "/\u007f", "/\ud83d\ude00"})
    void otherCharactersAreNoUriReferenceText(String source) {
        assertThat(Identifiers.isUriReferenceText(source)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "AB-12_x.y:z", "...", ".a", "a.."})
    void externalIdsOfTheApiAlphabetAreAccepted(String externalId) {
        assertThat(Identifiers.EXTERNAL_ID.matcher(externalId).matches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "", "a b", "ext/1", "ñ"})
    void externalIdsNoUrlCanCarryAreRefused(String externalId) {
        assertThat(Identifiers.EXTERNAL_ID.matcher(externalId).matches()).isFalse();
    }

    @Test
    void theHandWrittenChecksAgreeWithThePatternsTheyImplement() {
        Random random = new Random(20261202);
        String[] samples = {ID.toString(), ID.toString().toUpperCase(), "telco", "a-b_c", "EXT-1:a.b", "..", "12345"};
        String alphabet = "0123456789abcdefABCDEFxyzXYZ-_.:/ \u00f1";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(samples[random.nextInt(samples.length)]);
            for (int edits = random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(text.length() + 1);
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> { if (at < text.length()) text.deleteCharAt(at); }
                    default -> { if (at < text.length()) text.setCharAt(at, c); }
                }
            }
            if (random.nextInt(50) == 0) {
                text.append("a".repeat(random.nextInt(120)));
            }
            String s = text.toString();
            UUID expected = matches(Identifiers.CANONICAL_UUID, s) ? UUID.fromString(s) : null;
            assertThat(Identifiers.uuidOrNull(s)).as(s).isEqualTo(expected);
            assertThat(Identifiers.isOrgId(s)).as(s).isEqualTo(matches(Identifiers.ORG_ID, s));
            assertThat(Identifiers.isExternalId(s)).as(s).isEqualTo(matches(Identifiers.EXTERNAL_ID, s));
            assertThat(Identifiers.isSequence(s)).as(s).isEqualTo(matches(Identifiers.SEQUENCE, s));
        }
    }

    private static boolean matches(Pattern pattern, String text) {
        return pattern.matcher(text).matches();
    }
}
