package com.accountview.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A lookup's named parameters become JDBC's positional ones once, and each request binds its values in their order. */
class LiveLookupTest {

    private static final String LOOKUP = """
            SELECT account_id, org_id
            FROM accountview.live_account
            WHERE org_id = :orgId AND external_id = :externalId AND updated_at > :since::timestamptz
            """;

    @Test
    void namedParametersBecomePositionalInTheirOrder() {
        LiveLookup<String> lookup = LiveLookup.of(LOOKUP, row -> row.getString("org_id"));

        assertThat(lookup.sql()).isEqualTo(ReadModel.onLiveGeneration(LOOKUP)
                .replace(":orgId", "?").replace(":externalId", "?").replace(":since::", "?::"));
        assertThat(lookup.parameters()).containsExactly("orgId", "externalId", "since");
    }

    @Test
    void argumentsAreBoundByPositionNeverWrittenIntoTheStatement() {
        LiveLookup<String> lookup = LiveLookup.of(LOOKUP, row -> row.getString("org_id"));

        assertThat(lookup.positional(Map.of("since", "2026-12-01T00:00:00Z", "externalId", "x' OR true --",
                "orgId", "telco")))
                .containsExactly("telco", "x' OR true --", "2026-12-01T00:00:00Z");
        assertThat(lookup.sql()).doesNotContain("telco");
    }

    @Test
    void aRepeatedParameterIsBoundAtEachPosition() {
        LiveLookup<String> lookup = LiveLookup.of("SELECT :a AS x, :b AS y, :a AS z", row -> row.getString("x"));

        assertThat(lookup.positional(Map.of("a", 1, "b", 2))).containsExactly(1, 2, 1);
    }

    @Test
    void aMissingArgumentIsRefused() {
        LiveLookup<String> lookup = LiveLookup.of(LOOKUP, row -> row.getString("org_id"));

        assertThatThrownBy(() -> lookup.positional(Map.of("orgId", "telco")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":externalId");
    }

    @Test
    void sqlThatTheTranslationDoesNotUnderstandIsRefused() {
        for (String lookup : new String[] {"SELECT ':notAParameter'", "SELECT 1 -- :comment", "SELECT ?",
                "SELECT $$:x$$", "SELECT \"a:b\"", "SELECT /* :x */ 1"}) {
            assertThatThrownBy(() -> LiveLookup.of(lookup, row -> row.getString(1)))
                    .as(lookup).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
