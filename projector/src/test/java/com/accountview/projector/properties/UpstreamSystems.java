package com.accountview.projector.properties;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.accountview.contract.EntityKind;
import com.accountview.testinfra.events.AccountEventBuilder;
import com.accountview.testinfra.events.ContractEventBuilder;
import com.accountview.testinfra.events.EventMode;
import com.accountview.testinfra.events.TestEvent;
import com.accountview.testinfra.events.TestEvents;

/** The random upstream systems behind an {@link UpstreamHistory}. One instance per history; not thread-safe. */
final class UpstreamSystems {

    private static final String UNKNOWN_ACCOUNT_TYPE = "customers.account.merged";
    private static final String UNKNOWN_CONTRACT_TYPE = "customers.contract.transferred";
    private static final List<String> ACCOUNT_STATUSES = List.of("ACTIVE", "SUSPENDED", "CLOSED");
    private static final List<String> CONTRACT_STATUSES = List.of("PENDING", "ACTIVE", "SUSPENDED", "TERMINATED", "CANCELLED");
    private static final List<List<String>> PRODUCTS = List.of(List.of("FIBER_1GB", "Fibra 1 Gb"),
            List.of("MOBILE_5G", "Móvel 5G ∞"), List.of("TV", "TV \"Família\""));
    private static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(2),
            ZoneOffset.ofHours(-3), ZoneOffset.ofHoursMinutes(5, 30));
    private static final long FROM_2023 = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
    private static final int FOUR_YEARS = 4 * 365 * 86_400;

    private final Random random;
    private final int size;
    private final List<String> orgs;
    private final List<UUID> customers;
    private final Map<String, UUID> phantomAccounts = new LinkedHashMap<>();
    private final List<Entity> accounts = new ArrayList<>();

    UpstreamSystems(Random random, int size) {
        this.random = random;
        this.size = size;
        String tryId = Long.toHexString(random.nextLong());
        this.orgs = List.of("p" + tryId + "-a", "p" + tryId + "-b");
        this.customers = List.of(uuid(), uuid());
        // a contract may name an account whose events never arrive
        orgs.forEach(org -> phantomAccounts.put(org, uuid()));
    }

    UpstreamHistory publish() {
        Map<Entity, List<UpstreamEvent>> publishOrder = new LinkedHashMap<>();
        int accountCount = 1 + random.nextInt(1 + size / 3);
        int contractCount = 1 + random.nextInt(1 + size / 3);
        for (int i = 0; i < accountCount; i++) {
            accounts.add(new Entity(EntityKind.ACCOUNT, uuid(), pick(orgs)));
        }
        List<Entity> entities = new ArrayList<>(accounts);
        for (int i = 0; i < contractCount; i++) {
            entities.add(new Entity(EntityKind.CONTRACT, uuid(), pick(orgs)));
        }
        for (Entity entity : entities) {
            List<UpstreamEvent> versions = versions(entity, 1 + random.nextInt(1 + size / 2));
            List<UpstreamEvent> order = publishOrder(versions);
            if (chance(0.15)) {
                // an upstream bug: another event with a sequence already used, other content, another id
                UpstreamEvent twin = event(entity, pick(versions).sequence(), chance(0.3) ? null
                        : entity.kind() == EntityKind.ACCOUNT ? accountState() : contractState(entity.org()), false);
                order.add(random.nextInt(order.size() + 1), twin);
            }
            if (chance(0.1)) {
                // a newer producer's type; its sequence must not count, even when it is the highest
                BigInteger highest = versions.get(versions.size() - 1).sequence();
                BigInteger sequence = chance(0.5) ? highest.add(BigInteger.ONE) : pick(versions).sequence();
                order.add(random.nextInt(order.size() + 1), event(entity, sequence,
                        entity.kind() == EntityKind.ACCOUNT ? accountState() : contractState(entity.org()), true));
            }
            while (chance(0.15)) {
                // a Kafka tombstone of the key, anywhere in its order: it deletes whatever came before
                order.add(random.nextInt(order.size() + 1), new UpstreamEvent(entity, null, null, false,
                        TestEvents.tombstone(entity.id()), pick(List.of(EventMode.values()))));
            }
            publishOrder.put(entity, order);
        }
        return new UpstreamHistory(orgs, publishOrder);
    }

    /** The entity's versions in sequence order: gaps, sometimes a start beyond 64 bits. */
    private List<UpstreamEvent> versions(Entity entity, int count) {
        BigInteger sequence = chance(0.2)
                ? BigInteger.TEN.pow(18 + random.nextInt(12)).multiply(BigInteger.valueOf(1 + random.nextInt(9)))
                : BigInteger.ZERO;
        List<UpstreamEvent> versions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sequence = sequence.add(BigInteger.valueOf(chance(0.3) ? 1 + random.nextInt(12) : 1));
            EntityState state = chance(0.2) ? null
                    : entity.kind() == EntityKind.ACCOUNT ? accountState() : contractState(entity.org());
            versions.add(event(entity, sequence, state, false));
        }
        return versions;
    }

    /** Upstream may publish a key's versions out of order, and publish an event again later. */
    private List<UpstreamEvent> publishOrder(List<UpstreamEvent> versions) {
        List<UpstreamEvent> order = new ArrayList<>(versions);
        for (int i = 0; i + 1 < order.size(); i++) {
            if (chance(0.25)) {
                Collections.swap(order, i, i + 1);
            }
        }
        for (UpstreamEvent event : List.copyOf(order)) {
            if (chance(0.15)) {
                int after = order.indexOf(event) + 1;
                order.add(after + random.nextInt(order.size() - after + 1), event);
            }
        }
        return order;
    }

    private EntityState.Account accountState() {
        Instant created = instant();
        return new EntityState.Account(pick(UpstreamHistory.EXTERNAL_IDS), pick(customers), pick(ACCOUNT_STATUSES), created,
                instant());
    }

    private EntityState.Contract contractState(String org) {
        List<Entity> sameOrg = accounts.stream().filter(account -> account.org().equals(org)).toList();
        UUID account = sameOrg.isEmpty() || chance(0.1) ? phantomAccounts.get(org) : pick(sameOrg).id();
        List<String> product = pick(PRODUCTS);
        Instant start = instant();
        Instant end = chance(0.5) ? null : start.plusSeconds(86_400L * (1 + random.nextInt(900)));
        return new EntityState.Contract(account, pick(CONTRACT_STATUSES), product.get(0), product.get(1), start, end,
                instant(), instant());
    }

    private UpstreamEvent event(Entity entity, BigInteger sequence, EntityState state, boolean unknownType) {
        String sequenceText = "0".repeat(chance(0.25) ? 1 + random.nextInt(3) : 0) + sequence;
        String eventId = uuid().toString();
        // upstream published it in the past (freshness is measured from it)
        String time = rfc3339(instant().minusSeconds(FOUR_YEARS));
        boolean created = chance(0.3);
        TestEvent rendered;
        if (state == null) {
            rendered = entity.kind() == EntityKind.ACCOUNT
                    ? TestEvents.account(entity.id()).org(entity.org()).sequence(sequenceText).eventId(eventId)
                            .attribute("time", time).deleted()
                    : TestEvents.contract(entity.id()).org(entity.org()).sequence(sequenceText).eventId(eventId)
                            .attribute("time", time).deleted();
        } else if (state instanceof EntityState.Account account) {
            AccountEventBuilder builder = TestEvents.account(entity.id()).org(entity.org()).sequence(sequenceText)
                    .eventId(eventId).attribute("time", time)
                    .externalId(account.externalId()).customer(account.customerId()).status(account.status())
                    .dataField("created_at", rfc3339(account.createdAt()))
                    .dataField("updated_at", rfc3339(account.updatedAt()));
            rendered = unknownType ? builder.ofType(UNKNOWN_ACCOUNT_TYPE)
                    : created ? builder.created() : builder.updated();
        } else {
            EntityState.Contract contract = (EntityState.Contract) state;
            ContractEventBuilder builder = TestEvents.contract(entity.id()).org(entity.org()).sequence(sequenceText)
                    .eventId(eventId).attribute("time", time)
                    .account(contract.accountId()).status(contract.status())
                    .product(contract.productId(), contract.productName())
                    .dataField("start_date", rfc3339(contract.startDate()))
                    .dataField("end_date", contract.endDate() == null ? null : rfc3339(contract.endDate()))
                    .dataField("created_at", rfc3339(contract.createdAt()))
                    .dataField("updated_at", rfc3339(contract.updatedAt()));
            rendered = unknownType ? builder.ofType(UNKNOWN_CONTRACT_TYPE)
                    : created ? builder.created() : builder.updated();
        }
        return new UpstreamEvent(entity, sequence, state, unknownType, rendered, pick(List.of(EventMode.values())));
    }

    /** Millisecond precision, sometimes microseconds: what PostgreSQL keeps exactly. */
    private Instant instant() {
        long nanos = chance(0.2) ? random.nextInt(1_000_000) * 1_000L : random.nextInt(1_000) * 1_000_000L;
        return Instant.ofEpochSecond(FROM_2023 + random.nextInt(FOUR_YEARS), nanos);
    }

    private String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(pick(OFFSETS)));
    }

    private UUID uuid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return UUID.nameUUIDFromBytes(bytes);
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
