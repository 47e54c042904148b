package com.accountview.projector.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
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
}
