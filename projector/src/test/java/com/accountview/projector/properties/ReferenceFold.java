package com.accountview.projector.properties;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;

import com.accountview.contract.EntityKind;
import com.accountview.contract.ReferenceFold.Key;
import com.accountview.contract.VersionKey;

/**
 * What applying a history must leave, whatever the delivery, computed by the contract's
 * {@link com.accountview.contract.ReferenceFold}: the final state is the sequential fold of the
 * publish order (every entity its winning event of a known type: highest sequence, then a delete,
 * then the greater event id; an entity with events of unknown types only is absent); the live
 * views' answers follow from it; and per partition, how many events the sequential fold of the
 * delivery order applies, i.e. each exactly once. Immutable.
 */
public final class ReferenceFold {

    private final Map<UUID, StoredEntity> accounts = new LinkedHashMap<>();
    private final Map<UUID, StoredEntity> contracts = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> applied = new HashMap<>();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();

    private ReferenceFold(UpstreamHistory history, Delivery delivery) {
        com.accountview.contract.ReferenceFold<EntityState> published = new com.accountview.contract.ReferenceFold<>();
        history.publishOrder().forEach((entity, events) -> events.forEach(event -> fold(published, event)));
        published.entities().forEach((key, stored) -> (key.kind() == EntityKind.ACCOUNT ? accounts : contracts)
                .put(key.id(), stored.deleted()
                        ? StoredEntity.deleted(key.id(), stored.orgId(), stored.version().sequence())
                        : StoredEntity.live(key.id(), stored.orgId(), stored.version().sequence(), stored.state())));
        countApplied(delivery);
    }

    /** The sequential fold of the delivery order, as a single consumer that never rewinds would apply it. */
    private void countApplied(Delivery delivery) {
        com.accountview.contract.ReferenceFold<EntityState> delivered = new com.accountview.contract.ReferenceFold<>();
        for (Delivery.DeliveredRecord record : delivery.order()) {
            applied.merge(record.partition(), fold(delivered, record.event()) ? 1L : 0L, Long::sum);
            nextOffsets.put(record.partition(), record.record().offset() + 1);
        }
    }

    /** Folds one event; an unknown type is never applied, a tombstone only when it deletes a live entity. */
    private static boolean fold(com.accountview.contract.ReferenceFold<EntityState> fold, UpstreamEvent event) {
        Key key = new Key(event.entity().kind(), event.entity().id());
        if (event.isTombstone()) {
            return fold.tombstone(key);
        }
        return !event.unknownType() && fold.event(key,
                new VersionKey(event.sequence(), event.isDelete(), event.rendered().id()), event.entity().org(),
                event.state());
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
