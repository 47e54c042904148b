package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

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

/**
 * A batch folded chunk by chunk, each chunk writing what it changed through the upsert's version
 * guard and the tombstone's update, gives every event the outcome, and leaves every row, that the
 * batch folded whole and written once gives. The table here does what the SQL of
 * {@link EntityRows} does: an upsert replaces a row only with a greater {@link VersionKey}, a
 * tombstone marks a live row deleted and keeps its version.
 */
class ChunkedFoldTest {

    private static final int TRIES = 3000;

    private final List<UUID> ids = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID()).toList();

    @Test
    void chunksGiveTheOutcomesAndRowsOfTheWholeBatch() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int t = 0; t < TRIES; t++) {
            Map<UUID, Row> before = storedRows(random);
            List<EntityEvent> batch = IntStream.range(0, 1 + random.nextInt(16)).mapToObj(i -> event(random)).toList();
            int chunkSize = 1 + random.nextInt(5);

            Map<UUID, Row> whole = new HashMap<>(before);
            EntityFold wholeFold = new EntityFold(versions(before));
            List<EventOutcome> wholeOutcomes = batch.stream().map(wholeFold::on).toList();
            upsert(whole, wholeFold.writes());
            tombstone(whole, wholeFold.tombstoned());

            Map<UUID, Row> chunked = new HashMap<>(before);
            EntityFold chunkedFold = new EntityFold();
            List<EventOutcome> chunkedOutcomes = new ArrayList<>();
            for (int from = 0; from < batch.size(); from += chunkSize) {
                List<EntityEvent> chunk = batch.subList(from, Math.min(from + chunkSize, batch.size()));
                Set<UUID> unread = chunkedFold.unread(idsOf(chunk));
                // read from the table as this transaction has written it so far
                chunkedFold.read(unread, versions(chunked));
                chunk.forEach(event -> chunkedOutcomes.add(chunkedFold.on(event)));
                upsert(chunked, chunkedFold.writesSinceLast());
                tombstone(chunked, chunkedFold.tombstonedSinceLast());
            }

            String scenario = "seed " + seed + ", try " + t + ", chunks of " + chunkSize + ": " + describe(before, batch);
            assertThat(chunkedOutcomes).as(scenario).isEqualTo(wholeOutcomes);
            assertThat(chunked).as(scenario).isEqualTo(whole);
        }
    }

    @Test
    void anEntityChangedInTwoChunksIsWrittenInBothTheLaterWithTheGreaterVersion() {
        UUID id = ids.get(0);
        EntityFold fold = new EntityFold();
        fold.read(Set.of(id), Map.of());

        fold.on(updated(id, 1, "evt-1"));
        assertThat(fold.writesSinceLast()).singleElement().satisfies(write -> assertThat(write.version()).isEqualTo(BigInteger.ONE));
        fold.on(updated(id, 3, "evt-3"));
        fold.on(new EntityTombstoned(EntityKind.ACCOUNT, id));

        assertThat(fold.unread(Set.of(id))).isEmpty();
        assertThat(fold.writesSinceLast()).singleElement().satisfies(write -> {
            assertThat(write.version()).isEqualTo(BigInteger.valueOf(3));
            assertThat(write.deleted()).isTrue();
        });
        assertThat(fold.writesSinceLast()).isEmpty();
        assertThat(fold.tombstonedSinceLast()).isEmpty();
    }

    @Test
    void aTombstoneOfAnEarlierChunkIsNotWrittenAgainOnceANewerVersionFollows() {
        UUID id = ids.get(0);
        EntityFold fold = new EntityFold();
        fold.read(Set.of(id), Map.of(id, new VersionKey(BigInteger.ONE, false, "evt-1")));

        fold.on(new EntityTombstoned(EntityKind.ACCOUNT, id));
        fold.on(updated(id, 2, "evt-2"));

        assertThat(fold.tombstonedSinceLast()).isEmpty();
        assertThat(fold.writesSinceLast()).singleElement().satisfies(write -> assertThat(write.deleted()).isFalse());
    }

    private record Row(VersionKey key, String externalId) {
    }

    private static void upsert(Map<UUID, Row> table, List<EntityWrite> writes) {
        for (EntityWrite write : writes) {
            VersionKey key = new VersionKey(write.version(), write.deleted(), write.source().metadata().id());
            Row stored = table.get(write.entityId());
            if (stored == null || stored.key().compareTo(key) < 0) {
                String externalId = write.deleted() ? null : ((AccountUpdated) write.source()).account().externalId();
                table.put(write.entityId(), new Row(key, externalId));
            }
        }
    }

    private static void tombstone(Map<UUID, Row> table, Set<UUID> tombstoned) {
        for (UUID id : tombstoned) {
            Row stored = table.get(id);
            if (stored != null && !stored.key().deleted()) {
                table.put(id, new Row(stored.key().tombstoned(), stored.externalId()));
            }
        }
    }

    private static Map<UUID, VersionKey> versions(Map<UUID, Row> table) {
        Map<UUID, VersionKey> versions = new HashMap<>();
        table.forEach((id, row) -> versions.put(id, row.key()));
        return versions;
    }

    private static Set<UUID> idsOf(List<EntityEvent> events) {
        Set<UUID> ids = new LinkedHashSet<>();
        events.forEach(event -> ids.add(event.entityId()));
        return ids;
    }

    private Map<UUID, Row> storedRows(Random random) {
        Map<UUID, Row> rows = new HashMap<>();
        for (UUID id : ids) {
            if (random.nextBoolean()) {
                rows.put(id, new Row(new VersionKey(BigInteger.valueOf(random.nextInt(4)), random.nextBoolean(),
                        "evt-" + random.nextInt(3)), "stored"));
            }
        }
        return rows;
    }

    private EntityEvent event(Random random) {
        UUID id = ids.get(random.nextInt(ids.size()));
        long sequence = random.nextInt(5);
        String eventId = "evt-" + random.nextInt(3);
        return switch (random.nextInt(5)) {
            case 0 -> new EntityTombstoned(EntityKind.ACCOUNT, id);
            case 1 -> new AccountDeleted(metadata(id, "customers.account.deleted", sequence, eventId));
            case 2 -> new UnknownTypeReceived(EntityKind.ACCOUNT, metadata(id, "customers.account.merged", sequence, eventId));
            default -> updated(id, sequence, eventId);
        };
    }

    private static EntityEvent updated(UUID id, long sequence, String eventId) {
        return new AccountUpdated(metadata(id, "customers.account.updated", sequence, eventId),
                new AccountSnapshot(id, "ext-" + sequence + "-" + eventId, UUID.randomUUID(), AccountStatus.ACTIVE,
                        Instant.EPOCH, Instant.EPOCH));
    }

    private static EventMetadata metadata(UUID id, String type, long sequence, String eventId) {
        return new EventMetadata(eventId, URI.create("/crm"), type, Instant.EPOCH, id, "telco",
                BigInteger.valueOf(sequence));
    }

    private String describe(Map<UUID, Row> before, List<EntityEvent> batch) {
        StringBuilder text = new StringBuilder("stored ");
        before.forEach((id, row) -> text.append(ids.indexOf(id)).append('=').append(row.key()).append(' '));
        text.append("| events ");
        for (EntityEvent event : batch) {
            text.append(ids.indexOf(event.entityId())).append(':');
            if (event instanceof EntityEvent.Versioned versioned) {
                text.append(versioned.metadata().type().substring(versioned.metadata().type().lastIndexOf('.') + 1))
                        .append('@').append(versioned.metadata().sequence()).append('/').append(versioned.metadata().id());
            } else {
                text.append("tombstone");
            }
            text.append(' ');
        }
        return text.toString();
    }
}
