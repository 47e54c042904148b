package com.accountview.projector.support;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.accountview.contract.EntityKind;
import com.accountview.contract.ReferenceFold;
import com.accountview.contract.VersionKey;
import com.accountview.testinfra.events.TestEvent;
import com.accountview.testinfra.events.TestEvents;

/**
 * A reproducible history of account events for end-to-end tests: per account a run of versions
 * (some delivered out of order, some twice, some ending in a delete), interleaved across accounts
 * at random while each account's own order is kept (Kafka keeps a key's order in its partition).
 * Knows the reference result, from the contract's {@link ReferenceFold}: the final version per
 * account, and how many events applying them in this delivery order must apply.
 */
public final class RandomHistory {

    /** What the read model must hold for one account in the end. */
    public record Expected(long version, String externalId, boolean deleted) {
    }

    private final List<TestEvent> delivery;
    private final Map<UUID, Expected> expected;
    private final long applied;

    private RandomHistory(List<TestEvent> delivery, Map<UUID, Expected> expected, long applied) {
        this.delivery = delivery;
        this.expected = expected;
        this.applied = applied;
    }

    public static RandomHistory of(long seed, String org, int accounts, int versionsPerAccount) {
        Random random = new Random(seed);
        Map<UUID, List<TestEvent>> perKey = new LinkedHashMap<>();
        for (int a = 0; a < accounts; a++) {
            UUID id = new UUID(seed, a);
            List<Integer> sequences = new ArrayList<>();
            for (int v = 1; v <= versionsPerAccount; v++) {
                sequences.add(v);
            }
            if (random.nextInt(4) == 0) {
                // the producer sent two versions out of order
                int i = random.nextInt(versionsPerAccount - 1);
                Collections.swap(sequences, i, i + 1);
            }
            if (random.nextInt(4) == 0) {
                // a redelivered duplicate, later in the key's order
                sequences.add(sequences.get(random.nextInt(sequences.size())));
            }
            boolean deletedAtEnd = random.nextInt(5) == 0;
            List<TestEvent> events = new ArrayList<>();
            // a redelivered duplicate is the same event again, event id included
            Map<Integer, TestEvent> published = new HashMap<>();
            int account = a;
            for (int sequence : sequences) {
                boolean delete = deletedAtEnd && sequence == versionsPerAccount;
                events.add(published.computeIfAbsent(sequence, s -> delete
                        ? TestEvents.account(id).org(org).sequence(s).deleted()
                        : TestEvents.account(id).org(org).sequence(s).externalId(externalId(account, s)).updated()));
            }
            perKey.put(id, events);
        }
        // the reference: each key's events folded in its own order (Kafka keeps it), as the contract says
        ReferenceFold<String> reference = new ReferenceFold<>();
        long applied = 0;
        for (Map.Entry<UUID, List<TestEvent>> key : perKey.entrySet()) {
            for (TestEvent event : key.getValue()) {
                boolean delete = event.type().endsWith(".deleted");
                applied += reference.event(new ReferenceFold.Key(EntityKind.ACCOUNT, key.getKey()),
                        new VersionKey(new BigInteger(event.sequence()), delete, event.id()), org,
                        delete ? null : (String) event.data().get("external_id")) ? 1 : 0;
            }
        }
        Map<UUID, Expected> expected = new HashMap<>();
        reference.entities().forEach((key, stored) -> expected.put(key.id(), new Expected(
                stored.version().sequence().longValueExact(), stored.state(), stored.deleted())));
        return new RandomHistory(interleave(perKey, random), expected, applied);
    }

    private static String externalId(int account, int version) {
        return "ext-" + account + "-v" + version;
    }

    private static List<TestEvent> interleave(Map<UUID, List<TestEvent>> perKey, Random random) {
        List<List<TestEvent>> queues = new ArrayList<>();
        perKey.values().forEach(events -> queues.add(new ArrayList<>(events)));
        List<TestEvent> delivery = new ArrayList<>();
        while (!queues.isEmpty()) {
            int pick = random.nextInt(queues.size());
            List<TestEvent> queue = queues.get(pick);
            delivery.add(queue.remove(0));
            if (queue.isEmpty()) {
                queues.remove(pick);
            }
        }
        return delivery;
    }

    /** The events in delivery order. */
    public List<TestEvent> delivery() {
        return delivery;
    }

    public Map<UUID, Expected> expected() {
        return expected;
    }

    /** How many events must be applied (the others are duplicates or stale). */
    public long applied() {
        return applied;
    }
}
