package com.accountview.tools.generate;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

import com.accountview.contract.EntityKind;

/** A contract in the story. Not thread-safe. */
final class SimulatedContract extends SimulatedEntity {

    static final String PENDING = "PENDING";
    static final String ACTIVE = "ACTIVE";
    static final String SUSPENDED = "SUSPENDED";
    static final String TERMINATED = "TERMINATED";
    static final String CANCELLED = "CANCELLED";

    SimulatedAccount account;
    String status;
    final Product product;
    Instant startDate;
    Instant endDate;

    /** An item of the catalogue. */
    record Product(String id, String name) {
    }

    SimulatedContract(UUID id, SimulatedAccount account, long firstSequence, Instant createdAt, String status,
                      Product product, Instant startDate, Instant endDate) {
        super(id, account.org, EntityKind.CONTRACT, firstSequence, createdAt);
        this.account = account;
        this.status = status;
        this.product = product;
        this.startDate = startDate;
        this.endDate = endDate;
    }

    @Override
    void writeData(ObjectNode data) {
        data.put("contract_id", id.toString());
        data.put("account_id", account.id.toString());
        data.put("status", status);
        ObjectNode productNode = data.putObject("product");
        productNode.put("id", product.id());
        productNode.put("name", product.name());
        data.put("start_date", startDate == null ? null : startDate.toString());
        data.put("end_date", endDate == null ? null : endDate.toString());
        data.put("created_at", createdAt.toString());
        data.put("updated_at", updatedAt.toString());
    }
}
