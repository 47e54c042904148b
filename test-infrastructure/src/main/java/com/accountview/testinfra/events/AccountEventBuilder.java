package com.accountview.testinfra.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.accountview.contract.EntityKind;

/**
 * Builds account events. Defaults: {@code external_id} null (not yet assigned), {@code customer_id}
 * derived from the account id, status {@code ACTIVE}, {@code created_at} 2024-03-01T09:00:00Z,
 * {@code updated_at} equal to the event {@code time}. Immutable and thread-safe.
 */
public final class AccountEventBuilder extends EntityEventBuilder<AccountEventBuilder> {

    AccountEventBuilder(UUID accountId) {
        this(EventDraft.of(accountId, EntityKind.ACCOUNT.idMember(), defaults(accountId)));
    }

    private AccountEventBuilder(EventDraft draft) {
        super(draft, EntityKind.ACCOUNT);
    }

    private static Map<String, Object> defaults(UUID accountId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("external_id", null);
        data.put("customer_id",
                UUID.nameUUIDFromBytes(("customer-of:" + accountId).getBytes(StandardCharsets.UTF_8)).toString());
        data.put("status", "ACTIVE");
        data.put("created_at", "2024-03-01T09:00:00Z");
        data.put("updated_at", Generated.NOW);
        return data;
    }

    @Override
    AccountEventBuilder with(EventDraft changed) {
        return new AccountEventBuilder(changed);
    }

    /** The external id; null means not yet assigned. */
    public AccountEventBuilder externalId(String externalId) {
        return dataField("external_id", externalId);
    }

    public AccountEventBuilder customer(UUID customerId) {
        return dataField("customer_id", customerId.toString());
    }

    /** {@code ACTIVE}, {@code SUSPENDED}, {@code CLOSED} (any text, for malformed-event tests). */
    public AccountEventBuilder status(String status) {
        return dataField("status", status);
    }

    public AccountEventBuilder createdAt(Instant createdAt) {
        return dataField("created_at", createdAt.toString());
    }

    public AccountEventBuilder updatedAt(Instant updatedAt) {
        return dataField("updated_at", updatedAt.toString());
    }
}
