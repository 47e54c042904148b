package com.accountview.query.contracts;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The {@code Contract} body: a live contract as the latest applied event left it. Timestamps are
 * UTC instants (RFC 3339 on the wire); any field may be null where the upstream did not know it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Contract(
        UUID id,
        UUID accountId,
        String status,
        Product product,
        Instant startDate,
        Instant endDate,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Newest {@code start_date} first (unknown last), then latest {@code updated_at}, then the
     * greatest id, so that every instance lists and picks the same way.
     */
    static final Comparator<Contract> NEWEST_FIRST = Comparator
            .comparing(Contract::startDate, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Contract::updatedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(contract -> contract.id().toString())
            .reversed();

    /** The product a contract is for. */
    record Product(String id, String name) {
    }
}
