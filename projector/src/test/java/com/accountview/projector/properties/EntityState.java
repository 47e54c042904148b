package com.accountview.projector.properties;

import java.time.Instant;
import java.util.UUID;

/**
 * The full state of an entity that a non-delete event carries (event-carried state transfer), in
 * the terms the read model stores it. Values; comparable with {@code equals}.
 */
public sealed interface EntityState {

    record Account(String externalId, UUID customerId, String status, Instant createdAt, Instant updatedAt)
            implements EntityState {
    }

    record Contract(UUID accountId, String status, String productId, String productName, Instant startDate,
                    Instant endDate, Instant createdAt, Instant updatedAt) implements EntityState {
    }
}
