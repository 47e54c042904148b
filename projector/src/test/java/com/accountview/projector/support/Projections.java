package com.accountview.projector.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Assertions that compare a read model with a {@link RandomHistory}'s reference result. */
public final class Projections {

    private Projections() {
    }

    public static void assertMatches(ReadModel readModel, String org, RandomHistory history) {
        Map<UUID, ReadModel.Row> rows = readModel.accounts(org);
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(history.expected().keySet());
        history.expected().forEach((id, expected) -> {
            ReadModel.Row row = rows.get(id);
            assertThat(row.version()).as("version of %s", id).isEqualTo(BigInteger.valueOf(expected.version()));
            assertThat(row.deleted()).as("deleted of %s", id).isEqualTo(expected.deleted());
            if (!expected.deleted()) {
                assertThat(row.externalId()).as("external id of %s", id).isEqualTo(expected.externalId());
            }
        });
    }

    /**
     * The query side's view of the organization ({@code live_account}, which the query-api reads)
     * holds exactly the accounts the reference leaves not deleted, each with its external id.
     */
    public static void assertServes(ReadModel readModel, String org, RandomHistory history) {
        Map<UUID, String> served = new HashMap<>();
        history.expected().forEach((id, expected) -> {
            if (!expected.deleted()) {
                served.put(id, expected.externalId());
            }
        });
        assertThat(readModel.liveAccounts(org)).as("live accounts of %s", org).isEqualTo(served);
    }
}
