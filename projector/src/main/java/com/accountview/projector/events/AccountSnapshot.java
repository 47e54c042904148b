package com.accountview.projector.events;

import java.time.Instant;
import java.util.UUID;

import com.accountview.contract.AccountStatus;

/** The full state of an account after a change, as the event carries it. Nullable where the contract allows. */
public record AccountSnapshot(UUID accountId, String externalId, UUID customerId, AccountStatus status,
                              Instant createdAt, Instant updatedAt) {
}
