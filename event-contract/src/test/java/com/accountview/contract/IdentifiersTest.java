package com.accountview.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

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
}
