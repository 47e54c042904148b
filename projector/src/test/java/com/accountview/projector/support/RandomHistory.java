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
 * account, and how many events applying them in this delivery order must apply. A history can be
 * {@link #continued continued} by events published after it, for new accounts and newer versions
 * of its own.
 */
public final class RandomHistory {

    /** What the read model must hold for one account in the end. */
    public record Expected(long version, String externalId, boolean deleted) {
    }

    private final long seed;
    private final String org;
    /** Every event of the whole history, per account in the order its partition keeps; accounts in order of appearance. */
    private final Map<UUID, List<TestEvent>> perKey;
    private final List<TestEvent> delivery;
    private final Map<UUID, Expected> expected;
    private final long applied;

    private RandomHistory(long seed, String org, Map<UUID, List<TestEvent>> perKey, List<TestEvent> delivery) {
        this.seed = seed;
        this.org = org;
        this.perKey = perKey;
        this.delivery = delivery;
        // the reference: each key's events folded in its own order (Kafka keeps it), as the contract says
        ReferenceFold<String> reference = new ReferenceFold<>();
        long applying = 0;
        for (Map.Entry<UUID, List<TestEvent>> key : perKey.entrySet()) {
            for (TestEvent event : key.getValue()) {
                boolean delete = event.type().endsWith(".deleted");
                applying += reference.event(new ReferenceFold.Key(EntityKind.ACCOUNT, key.getKey()),
                        new VersionKey(new BigInteger(event.sequence()), delete, event.id()), org,
                        delete ? null : (String) event.data().get("external_id")) ? 1 : 0;
            }
        }
        Map<UUID, Expected> folded = new HashMap<>();
        reference.entities().forEach((key, stored) -> folded.put(key.id(), new Expected(
                stored.version().sequence().longValueExact(), stored.state(), stored.deleted())));
        this.expected = folded;
        this.applied = applying;
    }

    public static RandomHistory of(long seed, String org, int accounts, int versionsPerAccount) {
        Random random = new Random(seed);
        Map<UUID, List<TestEvent>> perKey = new LinkedHashMap<>();
        for (int a = 0; a < accounts; a++) {
            UUID id = accountId(seed, a);
            perKey.put(id, versions(random, id, org, a, 1, versionsPerAccount));
        }
        return new RandomHistory(seed, org, perKey, interleave(perKey, random));
    }

    /**
     * The events published after this history's: {@code newAccounts} accounts it does not know yet,
     * and newer versions of {@code updatedAccounts} of its own accounts, chosen at random (a deleted
     * one comes back with them), {@code versions} versions each, shaped as in {@link #of}. The
     * result's {@link #delivery()} holds only those events; its {@link #expected()} and
     * {@link #applied()} are those of the whole history, this one's events first.
     */
    public RandomHistory continued(long continuationSeed, int newAccounts, int updatedAccounts, int versions) {
        Random random = new Random(continuationSeed);
        List<UUID> known = List.copyOf(perKey.keySet());
        List<Integer> updated = new ArrayList<>();
        for (int a = 0; a < known.size(); a++) {
            updated.add(a);
        }
        Collections.shuffle(updated, random);
        Map<UUID, List<TestEvent>> later = new LinkedHashMap<>();
        for (int a : updated.subList(0, Math.min(updatedAccounts, known.size()))) {
            UUID id = known.get(a);
            long latest = perKey.get(id).stream().mapToLong(event -> Long.parseLong(event.sequence())).max().orElse(0);
            later.put(id, versions(random, id, org, a, (int) latest + 1, (int) latest + versions));
        }
        for (int a = known.size(); a < known.size() + newAccounts; a++) {
            UUID id = accountId(seed, a);
            later.put(id, versions(random, id, org, a, 1, versions));
        }
        Map<UUID, List<TestEvent>> whole = new LinkedHashMap<>();
        perKey.forEach((id, events) -> whole.put(id, new ArrayList<>(events)));
        later.forEach((id, events) -> whole.computeIfAbsent(id, key -> new ArrayList<>()).addAll(events));
        return new RandomHistory(seed, org, whole, interleave(later, random));
    }

    private static UUID accountId(long seed, int account) {
        return new UUID(seed, account);
    }

    /** One account's run of versions {@code first} to {@code last}, as its producer sent them. */
    private static List<TestEvent> versions(Random random, UUID id, String org, int account, int first, int last) {
        List<Integer> sequences = new ArrayList<>();
        for (int v = first; v <= last; v++) {
            sequences.add(v);
        }
        if (random.nextInt(4) == 0 && sequences.size() > 1) {
            // the producer sent two versions out of order
            int i = random.nextInt(sequences.size() - 1);
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
        for (int sequence : sequences) {
            boolean delete = deletedAtEnd && sequence == last;
            events.add(published.computeIfAbsent(sequence, s -> delete
                    ? TestEvents.account(id).org(org).sequence(s).deleted()
                    : TestEvents.account(id).org(org).sequence(s).externalId(externalId(account, s)).updated()));
        }
        return events;
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

    /** The events in delivery order: of a {@link #continued} history, only those published after the one it continues. */
    public List<TestEvent> delivery() {
        return delivery;
    }

    public Map<UUID, Expected> expected() {
        return expected;
    }

    /** How many events must be applied (the others are duplicates or stale), over the whole history. */
    public long applied() {
        return applied;
    }
}
