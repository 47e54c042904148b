package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.accountview.projector.events.AccountSnapshot;
import com.accountview.projector.events.AccountStatus;
import com.accountview.projector.events.EntityEvent;
import com.accountview.projector.events.EntityEvent.AccountDeleted;
import com.accountview.projector.events.EntityEvent.AccountUpdated;
import com.accountview.projector.events.EntityEvent.EntityTombstoned;
import com.accountview.projector.events.EntityEvent.UnknownTypeReceived;
import com.accountview.projector.events.EntityKind;
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
        EntityFold fold = new EntityFold(Map.of(id, new StoredVersion(BigInteger.valueOf(7), false)));

        assertThat(fold.on(updated(7, "A"))).isEqualTo(EventOutcome.DUPLICATE);
        assertThat(fold.on(updated(6, "A"))).isEqualTo(EventOutcome.STALE);
        assertThat(fold.writes()).isEmpty();
    }

    @Test
    void deleteKeepsItsVersionSoAStaleUpdateCannotResurrect() {
        EntityFold fold = new EntityFold(Map.of(id, new StoredVersion(BigInteger.valueOf(2), false)));

        assertThat(fold.on(deleted(4))).isEqualTo(EventOutcome.APPLIED);
        assertThat(fold.on(updated(3, "old"))).isEqualTo(EventOutcome.STALE);

        assertThat(fold.writes()).singleElement().satisfies(write -> {
            assertThat(write.deleted()).isTrue();
            assertThat(write.version()).isEqualTo(BigInteger.valueOf(4));
        });
    }

    @Test
    void newerEventResurrectsADeletedEntity() {
        EntityFold fold = new EntityFold(Map.of(id, new StoredVersion(BigInteger.valueOf(4), true)));

        assertThat(fold.on(updated(5, "back"))).isEqualTo(EventOutcome.APPLIED);
        assertThat(fold.writes()).singleElement().satisfies(write -> assertThat(write.deleted()).isFalse());
    }

    @Test
    void tombstoneDeletesWhateverTheVersionAndKeepsIt() {
        EntityFold fold = new EntityFold(Map.of(id, new StoredVersion(BigInteger.valueOf(9), false)));

        assertThat(fold.on(new EntityTombstoned(EntityKind.ACCOUNT, id))).isEqualTo(EventOutcome.APPLIED);
        assertThat(fold.on(updated(9, "same version"))).isEqualTo(EventOutcome.DUPLICATE);

        assertThat(fold.tombstoned()).containsExactly(id);
        assertThat(fold.writes()).isEmpty();
    }

    @Test
    void tombstoneAfterANewerVersionInTheSameBatchDeletesAtThatVersion() {
        EntityFold fold = new EntityFold(Map.of(id, new StoredVersion(BigInteger.valueOf(1), false)));

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
        EntityFold fold = new EntityFold(Map.of(id, new StoredVersion(BigInteger.valueOf(1), false)));

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
        EntityFold fold = new EntityFold(Map.of(id, new StoredVersion(BigInteger.valueOf(1), false)));

        assertThat(fold.on(new UnknownTypeReceived(EntityKind.ACCOUNT, metadata("customers.account.merged", 99))))
                .isEqualTo(EventOutcome.UNKNOWN_TYPE);
        assertThat(fold.on(updated(2, "A"))).isEqualTo(EventOutcome.APPLIED);
    }

    private EntityEvent updated(long sequence, String externalId) {
        return new AccountUpdated(metadata("customers.account.updated", sequence),
                new AccountSnapshot(id, externalId, UUID.randomUUID(), AccountStatus.ACTIVE, Instant.EPOCH, Instant.EPOCH));
    }

    private EntityEvent deleted(long sequence) {
        return new AccountDeleted(metadata("customers.account.deleted", sequence));
    }

    private EventMetadata metadata(String type, long sequence) {
        return new EventMetadata(UUID.randomUUID().toString(), URI.create("/crm"), type, Instant.now(), id, "telco",
                BigInteger.valueOf(sequence));
    }
}
