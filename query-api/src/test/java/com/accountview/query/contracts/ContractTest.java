package com.accountview.query.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * {@link Contract#NEWEST_FIRST}, the order of an account's contracts. PostgreSQL applies the same
 * order when it picks the active contract (ContractsIT).
 */
class ContractTest {

    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");

    private static Contract contract(String id, Instant start, Instant updated) {
        return new Contract(UUID.fromString(id), UUID.randomUUID(), "ACTIVE", null, start, null, null, updated);
    }

    @Test
    void latestStartDateFirstThenLatestUpdateThenGreatestIdAsText() {
        Contract earlier = contract("00000000-0000-4000-8000-000000000009", NOW.minusSeconds(60), NOW);
        Contract staleUpdate = contract("00000000-0000-4000-8000-000000000008", NOW.minusSeconds(30), NOW.minusSeconds(100));
        Contract lowId = contract("00000000-0000-4000-8000-000000000001", NOW.minusSeconds(30), NOW.minusSeconds(10));
        // as a signed 64-bit number (java.util.UUID#compareTo) this id would be the smallest
        Contract highId = contract("ffffffff-0000-4000-8000-000000000000", NOW.minusSeconds(30), NOW.minusSeconds(10));

        assertThat(List.of(earlier, staleUpdate, lowId, highId).stream().sorted(Contract.NEWEST_FIRST).toList())
                .containsExactly(highId, lowId, staleUpdate, earlier);
    }

    @Test
    void unknownStartDateComesLast() {
        Contract unknown = contract("00000000-0000-4000-8000-000000000001", null, NOW);
        Contract old = contract("00000000-0000-4000-8000-000000000002", NOW.minusSeconds(600), NOW);
        Contract recent = contract("00000000-0000-4000-8000-000000000003", NOW.minusSeconds(60), NOW);

        assertThat(List.of(unknown, old, recent).stream().sorted(Contract.NEWEST_FIRST).toList())
                .containsExactly(recent, old, unknown);
    }
}
