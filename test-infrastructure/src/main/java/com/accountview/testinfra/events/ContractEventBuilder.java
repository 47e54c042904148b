package com.accountview.testinfra.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.accountview.contract.EntityKind;

/**
 * Builds contract events. Defaults: an {@code account_id} derived from the contract id, status
 * {@code ACTIVE}, product {@code FIBER_1GB} "Fibra 1 Gb", {@code start_date} and {@code created_at}
 * 2024-01-01T00:00:00Z, {@code end_date} null, {@code updated_at} equal to the event {@code time}.
 * Immutable and thread-safe.
 */
public final class ContractEventBuilder extends EntityEventBuilder<ContractEventBuilder> {

    ContractEventBuilder(UUID contractId) {
        this(EventDraft.of(contractId, EntityKind.CONTRACT.idMember(), defaults(contractId)));
    }

    private ContractEventBuilder(EventDraft draft) {
        super(draft, EntityKind.CONTRACT);
    }

    private static Map<String, Object> defaults(UUID contractId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account_id",
                UUID.nameUUIDFromBytes(("account-of:" + contractId).getBytes(StandardCharsets.UTF_8)).toString());
        data.put("status", "ACTIVE");
        data.put("product", productOf("FIBER_1GB", "Fibra 1 Gb"));
        data.put("start_date", "2024-01-01T00:00:00Z");
        data.put("end_date", null);
        data.put("created_at", "2024-01-01T00:00:00Z");
        data.put("updated_at", Generated.NOW);
        return data;
    }

    private static Map<String, Object> productOf(String id, String name) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", id);
        product.put("name", name);
        return Collections.unmodifiableMap(product);
    }

    @Override
    ContractEventBuilder with(EventDraft changed) {
        return new ContractEventBuilder(changed);
    }

    /** The account the contract belongs to in this version. */
    public ContractEventBuilder account(UUID accountId) {
        return dataField("account_id", accountId.toString());
    }

    /** {@code PENDING}, {@code ACTIVE}, {@code SUSPENDED}, {@code TERMINATED}, {@code CANCELLED} (any text). */
    public ContractEventBuilder status(String status) {
        return dataField("status", status);
    }

    public ContractEventBuilder product(String id, String name) {
        return dataField("product", productOf(id, name));
    }

    public ContractEventBuilder startDate(Instant startDate) {
        return dataField("start_date", startDate == null ? null : startDate.toString());
    }

    /** The end date; null for an open-ended contract (the default). */
    public ContractEventBuilder endDate(Instant endDate) {
        return dataField("end_date", endDate == null ? null : endDate.toString());
    }

    public ContractEventBuilder createdAt(Instant createdAt) {
        return dataField("created_at", createdAt.toString());
    }

    public ContractEventBuilder updatedAt(Instant updatedAt) {
        return dataField("updated_at", updatedAt.toString());
    }
}
