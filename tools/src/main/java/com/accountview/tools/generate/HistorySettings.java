package com.accountview.tools.generate;

import java.time.Instant;
import java.util.List;

import com.accountview.contract.Identifiers;

/**
 * What history to generate. The same settings always give the same history, record for record.
 *
 * @param seed the seed of all chance
 * @param accounts how many accounts the story creates
 * @param contractsPerAccount the mean number of contracts per account (each gets 0 to twice this)
 * @param duplicates the share of events delivered a second time, later in their key's order
 * @param outOfOrder the chance that an event swaps places with a later event of its key, so its
 *                   key's versions arrive non-monotonic
 * @param orgs the organizations accounts are spread over
 * @param start the earliest creation time; the story unfolds over about three years from it
 */
public record HistorySettings(long seed, int accounts, int contractsPerAccount, double duplicates, double outOfOrder,
                              List<String> orgs, Instant start) {

    public static final Instant DEFAULT_START = Instant.parse("2022-01-01T00:00:00Z");

    public HistorySettings {
        orgs = List.copyOf(orgs);
        if (accounts < 0 || contractsPerAccount < 0) {
            throw new IllegalArgumentException("accounts and contracts per account must not be negative");
        }
        if (duplicates < 0 || duplicates > 1 || outOfOrder < 0 || outOfOrder > 1) {
            throw new IllegalArgumentException("duplicates and out-of-order are shares between 0 and 1");
        }
        if (orgs.isEmpty()) {
            throw new IllegalArgumentException("at least one organization is needed");
        }
        for (String org : orgs) {
            if (!Identifiers.ORG_ID.matcher(org).matches()) {
                throw new IllegalArgumentException("organization id \"" + org + "\" does not match " + Identifiers.ORG_ID);
            }
        }
    }
}
