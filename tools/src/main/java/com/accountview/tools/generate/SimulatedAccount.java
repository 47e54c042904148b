package com.accountview.tools.generate;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

import com.accountview.contract.EntityKind;

/** An account in the story. Not thread-safe. */
final class SimulatedAccount extends SimulatedEntity {

    static final String ACTIVE = "ACTIVE";
    static final String SUSPENDED = "SUSPENDED";
    static final String CLOSED = "CLOSED";

    String externalId;
    UUID customerId;
    String status;

    SimulatedAccount(UUID id, String org, long firstSequence, Instant createdAt, String externalId,
                     UUID customerId, String status) {
        super(id, org, EntityKind.ACCOUNT, firstSequence, createdAt);
        this.externalId = externalId;
        this.customerId = customerId;
        this.status = status;
    }

    @Override
    void writeData(ObjectNode data) {
        data.put("account_id", id.toString());
        data.put("external_id", externalId);
        data.put("customer_id", customerId.toString());
        data.put("status", status);
        data.put("created_at", createdAt.toString());
        data.put("updated_at", updatedAt.toString());
    }
}
