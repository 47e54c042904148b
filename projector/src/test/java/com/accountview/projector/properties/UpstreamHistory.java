package com.accountview.projector.properties;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.accountview.contract.EntityKind;

/**
 * A random history of a few accounts and contracts in two organizations, as upstream systems
 * publish it: per entity a run of versions with full random states (external ids from a small pool
 * shared by both organizations, so that claims collide; contracts naming accounts of the history,
 * an account that never appears, and moving between them; deletes and re-creations), sequences
 * with gaps, leading zeros and sometimes beyond 64 bits, published partly out of order and with
 * duplicates later in the key's order, now and then an event of a type this version does not know
 * or a Kafka tombstone of the key, in structured, binary and plain mode, with timestamps in several UTC offsets. Immutable once
 * generated.
 */
public final class UpstreamHistory {

    /** The external ids accounts claim; null is "not yet assigned". */
    public static final List<String> EXTERNAL_IDS = Collections.unmodifiableList(Arrays.asList("100", "200", "X.9", null));

    private final List<String> orgs;
    private final Map<Entity, List<UpstreamEvent>> publishOrder;

    UpstreamHistory(List<String> orgs, Map<Entity, List<UpstreamEvent>> publishOrder) {
        this.orgs = List.copyOf(orgs);
        this.publishOrder = Collections.unmodifiableMap(publishOrder);
    }

    /** @param size from 1 up; more entities and longer runs of versions as it grows */
    public static UpstreamHistory random(Random random, int size) {
        return new UpstreamSystems(random, size).publish();
    }

    public List<String> orgs() {
        return orgs;
    }

    /** Per entity (the Kafka key) its events in the order upstream published them. */
    public Map<Entity, List<UpstreamEvent>> publishOrder() {
        return publishOrder;
    }

    /** Every account id the history mentions: the accounts' own and those that contracts name. */
    public Set<UUID> accountIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        publishOrder.forEach((entity, events) -> {
            if (entity.kind() == EntityKind.ACCOUNT) {
                ids.add(entity.id());
            }
            events.stream().map(UpstreamEvent::state).filter(EntityState.Contract.class::isInstance)
                    .map(state -> ((EntityState.Contract) state).accountId()).forEach(ids::add);
        });
        return ids;
    }
}
