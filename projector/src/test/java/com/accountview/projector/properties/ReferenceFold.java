package com.accountview.projector.properties;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;

import com.accountview.projector.events.EntityKind;

/**
 * What applying a history must leave, whatever the delivery: per entity the state its
 * winning event of a known type carries ({@link #WINS}: highest sequence, then a delete, then the
 * greater event id) (deleted if that event is a delete; an entity
 * with events of unknown types only is absent), the live views' answers that
 * follow from it, and per partition how many events the sequential fold of the delivery order
 * applies (those of a known type with a sequence above every earlier one of their key), i.e. each
 * exactly once.
 * Immutable.
 */
public final class ReferenceFold {

    private final Map<UUID, StoredEntity> accounts = new LinkedHashMap<>();
    private final Map<UUID, StoredEntity> contracts = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> applied = new HashMap<>();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();

    private ReferenceFold(UpstreamHistory history, Delivery delivery) {
        history.publishOrder().forEach(this::latestVersion);
        countApplied(delivery);
    }

    /**
     * Which of two events of one entity wins, as docs/events.md states it: the higher sequence; at an
     * equal one a delete; then the greater event id by code points.
     */
    static final Comparator<UpstreamEvent> WINS = Comparator.comparing(UpstreamEvent::sequence)
            .thenComparing(UpstreamEvent::isDelete)
            .thenComparing(event -> event.rendered().id(), (a, b) -> Arrays.compare(a.codePoints().toArray(),
                    b.codePoints().toArray()));

    private void latestVersion(Entity entity, List<UpstreamEvent> events) {
        events.stream()
                .filter(event -> !event.unknownType())
                .max(WINS)
                .ifPresent(latest -> (entity.kind() == EntityKind.ACCOUNT ? accounts : contracts).put(entity.id(),
                        latest.isDelete()
                                ? StoredEntity.deleted(entity.id(), entity.org(), latest.sequence())
                                : StoredEntity.live(entity.id(), entity.org(), latest.sequence(), latest.state())));
    }

    /** The sequential fold of the delivery order, as a single consumer that never rewinds would apply it. */
    private void countApplied(Delivery delivery) {
        Map<Entity, UpstreamEvent> highest = new HashMap<>();
        for (Delivery.DeliveredRecord delivered : delivery.order()) {
            UpstreamEvent event = delivered.event();
            UpstreamEvent before = highest.get(event.entity());
            boolean newer = !event.unknownType() && (before == null || WINS.compare(event, before) > 0);
            applied.merge(delivered.partition(), newer ? 1L : 0L, Long::sum);
            if (newer) {
                highest.put(event.entity(), event);
            }
            nextOffsets.put(delivered.partition(), delivered.record().offset() + 1);
        }
    }

    public static ReferenceFold of(UpstreamHistory history, Delivery delivery) {
        return new ReferenceFold(history, delivery);
    }

    /** Every account of the history, live or deleted, by id. */
    public Map<UUID, StoredEntity> accounts() {
        return Map.copyOf(accounts);
    }

    /** Every contract of the history, live or deleted, by id. */
    public Map<UUID, StoredEntity> contracts() {
        return Map.copyOf(contracts);
    }

    public List<StoredEntity> liveAccounts() {
        return accounts.values().stream().filter(account -> !account.deleted()).toList();
    }

    public List<StoredEntity> liveContracts() {
        return contracts.values().stream().filter(contract -> !contract.deleted()).toList();
    }

    /** The live accounts of the organization that carry the external id. */
    public Set<UUID> accountsCarrying(String org, String externalId) {
        return liveAccounts().stream()
                .filter(account -> account.org().equals(org)
                        && externalId.equals(((EntityState.Account) account.state()).externalId()))
                .map(StoredEntity::id).collect(Collectors.toSet());
    }

    /** The live contracts of the organization whose latest version names the account. */
    public Set<UUID> contractsOf(String org, UUID accountId) {
        return liveContracts().stream()
                .filter(contract -> contract.org().equals(org)
                        && accountId.equals(((EntityState.Contract) contract.state()).accountId()))
                .map(StoredEntity::id).collect(Collectors.toSet());
    }

    /**
     * Per partition what the stored offsets must say: the offset after its last record, and how many
     * of its events count as applied.
     */
    public Map<TopicPartition, StoredReadModel.PartitionOffset> offsets() {
        Map<TopicPartition, StoredReadModel.PartitionOffset> offsets = new HashMap<>();
        nextOffsets.forEach((partition, next) ->
                offsets.put(partition, new StoredReadModel.PartitionOffset(next, applied.get(partition))));
        return offsets;
    }
}
