package com.accountview.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.accountview.contract.ReferenceFold.Key;

/** The rules of docs/events.md, one record at a time. */
class ReferenceFoldTest {

    private final ReferenceFold<String> fold = new ReferenceFold<>();
    private final Key key = new Key(EntityKind.ACCOUNT, UUID.randomUUID());

    @Test
    void onlyAGreaterVersionIsApplied() {
        assertThat(fold.event(key, version(5, false, "e5"), "telco", "A")).isTrue();
        assertThat(fold.event(key, version(3, false, "e3"), "telco", "B")).isFalse();
        assertThat(fold.event(key, version(5, false, "e5"), "telco", "A again")).isFalse();

        assertThat(fold.entities().get(key).state()).isEqualTo("A");
    }

    @Test
    void atAnEqualSequenceADeleteThenTheGreaterEventIdWins() {
        fold.event(key, version(5, false, "b"), "telco", "B");

        assertThat(fold.event(key, version(5, false, "a"), "telco", "A")).isFalse();
        assertThat(fold.event(key, version(5, false, "c"), "telco", "C")).isTrue();
        assertThat(fold.event(key, version(5, true, "a"), "telco", null)).isTrue();
        assertThat(fold.entities().get(key).deleted()).isTrue();
    }

    @Test
    void aTombstoneDeletesWhateverTheVersionAndOnlyAGreaterVersionBringsItBack() {
        fold.event(key, version(7, false, "e7"), "telco", "A");

        assertThat(fold.tombstone(key)).isTrue();
        assertThat(fold.tombstone(key)).isFalse();
        assertThat(fold.event(key, version(7, false, "e7"), "telco", "A")).isFalse();
        assertThat(fold.entities().get(key).version().sequence()).isEqualTo(7);
        assertThat(fold.event(key, version(8, false, "e8"), "telco", "back")).isTrue();
        assertThat(fold.entities().get(key).deleted()).isFalse();
    }

    @Test
    void aTombstoneOfAnAbsentEntityStoresNothing() {
        assertThat(fold.tombstone(key)).isFalse();
        assertThat(fold.entities()).isEmpty();
    }

    private static VersionKey version(long sequence, boolean deleted, String eventId) {
        return new VersionKey(BigInteger.valueOf(sequence), deleted, eventId);
    }
}
