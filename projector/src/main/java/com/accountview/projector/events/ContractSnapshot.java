package com.accountview.projector.events;

import java.time.Instant;
import java.util.UUID;

import com.accountview.contract.ContractStatus;

/** The full state of a contract after a change, as the event carries it. Nullable where the contract allows. */
public record ContractSnapshot(UUID contractId, UUID accountId, ContractStatus status, String productId,
                               String productName, Instant startDate, Instant endDate, Instant createdAt,
                               Instant updatedAt) {
}
