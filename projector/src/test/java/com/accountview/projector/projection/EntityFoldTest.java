package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.accountview.contract.AccountStatus;
import com.accountview.contract.EntityKind;
import com.accountview.contract.VersionKey;
import com.accountview.projector.events.AccountSnapshot;
import com.accountview.projector.events.EntityEvent;
import com.accountview.projector.events.EntityEvent.AccountDeleted;
import com.accountview.projector.events.EntityEvent.AccountUpdated;
import com.accountview.projector.events.EntityEvent.EntityTombstoned;
import com.accountview.projector.events.EntityEvent.UnknownTypeReceived;
import com.accountview.projector.events.EventMetadata;

class EntityFoldTest {

    private final UUID id = UUID.randomUUID();

    @Test
    void highestVersionOfTheBatchWins() {
        EntityFold fold = new EntityFold(Map.of());

        assertThat(fold.on(updated(3, "A"))).isEqualTo(EventOutcome.APPLIED);
        assertThat(fold.on(updated(5, "B"))).isEqualTo(EventOutcome.APPLIED);
        assertThat(fold.on(updated(4, "C"))).isEqualTo(EventOutcome.STALE);

        assertThat(fold.writes()).singleElement().satisfies(write -> {
            assertThat(write.version()).isEqualTo(BigInteger.valueOf(5));
            assertThat(((AccountUpdated) write.source()).account().externalId()).isEqualTo("B");
            assertThat(write.deleted()).isFalse();
        });
    }

    @Test
    void equalVersionIsADuplicateAndLowerIsStale() {
        EntityFold fold = new EntityFold(Map.of(id, stored(7, false)));

        assertThat(fold.on(updated(7, "A"))).isEqualTo(EventOutcome.DUPLICATE);
        assertThat(fold.on(updated(6, "A"))).isEqualTo(EventOutcome.STALE);
        assertThat(fold.writes()).isEmpty();
    }

    @Test
    void deleteKeepsItsVersionSoAStaleUpdateCannotResurrect() {
        EntityFold fold = new EntityFold(Map.of(id, stored(2, false)));

        assertThat(fold.on(deleted(4))).isEqualTo(EventOutcome.APPLIED);
        assertThat(fold.on(updated(3, "old"))).isEqualTo(EventOutcome.STALE);

        assertThat(fold.writes()).singleElement().satisfies(write -> {
            assertThat(write.deleted()).isTrue();
            assertThat(write.version()).isEqualTo(BigInteger.valueOf(4));
        });
    }

    @Test
    void newerEventResurrectsADeletedEntity() {
        EntityFold fold = new EntityFold(Map.of(id, stored(4, true)));

        assertThat(fold.on(updated(5, "back"))).isEqualTo(EventOutcome.APPLIED);
        assertThat(fold.writes()).singleElement().satisfies(write -> assertThat(write.deleted()).isFalse());
    }

    @Test
    void tombstoneDeletesWhateverTheVersionAndKeepsIt() {
        EntityFold fold = new EntityFold(Map.of(id, stored(9, false)));

        assertThat(fold.on(new EntityTombstoned(EntityKind.ACCOUNT, id))).isEqualTo(EventOutcome.APPLIED);
        assertThat(fold.on(updated(9, "same version"))).isEqualTo(EventOutcome.DUPLICATE);

        assertThat(fold.tombstoned()).containsExactly(id);
        assertThat(fold.writes()).isEmpty();
    }

    @Test
    void tombstoneAfterANewerVersionInTheSameBatchDeletesAtThatVersion() {
        EntityFold fold = new EntityFold(Map.of(id, stored(1, false)));

        fold.on(updated(2, "A"));
        fold.on(new EntityTombstoned(EntityKind.ACCOUNT, id));

        assertThat(fold.tombstoned()).isEmpty();
        assertThat(fold.writes()).singleElement().satisfies(write -> {
            assertThat(write.deleted()).isTrue();
            assertThat(write.version()).isEqualTo(BigInteger.valueOf(2));
        });
    }

    @Test
    void newerVersionAfterATombstoneBringsTheEntityBack() {
        EntityFold fold = new EntityFold(Map.of(id, stored(1, false)));

        fold.on(new EntityTombstoned(EntityKind.ACCOUNT, id));
        assertThat(fold.on(updated(2, "A"))).isEqualTo(EventOutcome.APPLIED);

        assertThat(fold.tombstoned()).isEmpty();
        assertThat(fold.writes()).singleElement().satisfies(write -> assertThat(write.deleted()).isFalse());
    }

    @Test
    void tombstoneOfAnAbsentEntityChangesNothing() {
        EntityFold fold = new EntityFold(Map.of());

        assertThat(fold.on(new EntityTombstoned(EntityKind.ACCOUNT, id))).isEqualTo(EventOutcome.DUPLICATE);
        assertThat(fold.tombstoned()).isEmpty();
        assertThat(fold.writes()).isEmpty();
    }

    @Test
    void unknownTypeLeavesStateAndVersionUntouched() {
        EntityFold fold = new EntityFold(Map.of(id, stored(1, false)));

        assertThat(fold.on(new UnknownTypeReceived(EntityKind.ACCOUNT, metadata("customers.account.merged", 99))))
                .isEqualTo(EventOutcome.UNKNOWN_TYPE);
        assertThat(fold.on(updated(2, "A"))).isEqualTo(EventOutcome.APPLIED);
    }

    @Test
    void atAnEqualSequenceADeleteWinsWhicheverArrivesFirst() {
        for (List<EntityEvent> order : List.of(List.of(updated(5, "A", "z"), deleted(5, "a")),
                List.of(deleted(5, "a"), updated(5, "A", "z")))) {
            EntityFold fold = new EntityFold(Map.of());
            order.forEach(fold::on);

            assertThat(fold.writes()).singleElement().satisfies(write -> {
                assertThat(write.deleted()).isTrue();
                assertThat(write.source().metadata().id()).isEqualTo("a");
            });
        }
    }

    @Test
    void atAnEqualSequenceTheGreaterEventIdWinsWhicheverArrivesFirst() {
        for (List<EntityEvent> order : List.of(List.of(updated(5, "B", "evt-b"), updated(5, "A", "evt-a")),
                List.of(updated(5, "A", "evt-a"), updated(5, "B", "evt-b")))) {
            EntityFold fold = new EntityFold(Map.of());
            List<EventOutcome> outcomes = order.stream().map(fold::on).toList();

            assertThat(outcomes).containsExactlyInAnyOrder(EventOutcome.APPLIED,
                    outcomes.get(1) == EventOutcome.APPLIED ? EventOutcome.APPLIED : EventOutcome.DUPLICATE);
            assertThat(fold.writes()).singleElement().satisfies(write ->
                    assertThat(((AccountUpdated) write.source()).account().externalId()).isEqualTo("B"));
        }
    }

    @Test
    void anEqualSequenceThatLosesToTheStoredVersionIsADuplicate() {
        EntityFold fold = new EntityFold(Map.of(id, new VersionKey(BigInteger.valueOf(5), true, "evt-a")));

        assertThat(fold.on(updated(5, "A", "evt-z"))).isEqualTo(EventOutcome.DUPLICATE);
        assertThat(fold.on(deleted(5, "evt-0"))).isEqualTo(EventOutcome.DUPLICATE);
        assertThat(fold.on(deleted(5, "evt-b"))).isEqualTo(EventOutcome.APPLIED);
    }

    @Test
    void eventIdsCompareByCodePointsAsPostgreSqlComparesUtf8Bytes() {
        // U+FB01 is one UTF-16 unit above the surrogates of U+1F600, but a smaller code point
        assertThat(VersionKey.compareCodePoints("\uFB01", "\uD83D\uDE00")).isNegative();
        assertThat(VersionKey.compareCodePoints("ab", "abc")).isNegative();
        assertThat(VersionKey.compareCodePoints("b", "abc")).isPositive();
    }

    private static VersionKey stored(long sequence, boolean deleted) {
        return new VersionKey(BigInteger.valueOf(sequence), deleted, "evt-" + sequence);
    }

    private EntityEvent updated(long sequence, String externalId) {
        return updated(sequence, externalId, "evt-" + sequence);
    }

    private EntityEvent updated(long sequence, String externalId, String eventId) {
        return new AccountUpdated(metadata("customers.account.updated", sequence, eventId),
                new AccountSnapshot(id, externalId, UUID.randomUUID(), AccountStatus.ACTIVE, Instant.EPOCH, Instant.EPOCH));
    }

    private EntityEvent deleted(long sequence) {
        return deleted(sequence, "evt-" + sequence);
    }

    private EntityEvent deleted(long sequence, String eventId) {
        return new AccountDeleted(metadata("customers.account.deleted", sequence, eventId));
    }

    private EventMetadata metadata(String type, long sequence) {
        return metadata(type, sequence, "evt-" + sequence);
    }

    private EventMetadata metadata(String type, long sequence, String eventId) {
        return new EventMetadata(eventId, URI.create("/crm"), type, Instant.now(), id, "telco",
                BigInteger.valueOf(sequence));
    }
}
