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
    /** The contract's timestamps start in the year 0001 ({@code Instants}). */
    public static final Instant EARLIEST_START = Instant.parse("0001-01-01T00:00:00Z");
    /**
     * The contract's timestamps end with the year 9999, and a history reaches some 13 years past its
     * start (accounts over two years, contracts half a year later, ending up to ten years after they
     * start, each change up to 40 days after the last): 20 years leave room.
     */
    public static final Instant LATEST_START = Instant.parse("9979-12-31T00:00:00Z");

    public HistorySettings {
        orgs = List.copyOf(orgs);
        require(accounts >= 0, "accounts", accounts + " is negative");
        require(contractsPerAccount >= 0, "contractsPerAccount", contractsPerAccount + " is negative");
        require(duplicates >= 0 && duplicates <= 1, "duplicates", duplicates + " is no share between 0 and 1");
        require(outOfOrder >= 0 && outOfOrder <= 1, "outOfOrder", outOfOrder + " is no share between 0 and 1");
        require(!orgs.isEmpty(), "orgs", "at least one organization is needed");
        for (String org : orgs) {
            require(Identifiers.ORG_ID.matcher(org).matches(), "orgs",
                    "organization id \"" + org + "\" does not match " + Identifiers.ORG_ID);
        }
        require(!start.isBefore(EARLIEST_START) && !start.isAfter(LATEST_START), "start",
                start + " is outside " + EARLIEST_START + " to " + LATEST_START
                        + " (the history's timestamps must stay in the years 0001-9999)");
    }

    /** A setting out of its range; {@link #setting()} names the record component. */
    public static final class InvalidSetting extends IllegalArgumentException {

        private final String setting;
        private final String problem;

        InvalidSetting(String setting, String problem) {
            super(setting + ": " + problem);
            this.setting = setting;
            this.problem = problem;
        }

        public String setting() {
            return setting;
        }

        /** What is wrong, without the setting's name. */
        public String problem() {
            return problem;
        }
    }

    private static void require(boolean valid, String setting, String problem) {
        if (!valid) {
            throw new InvalidSetting(setting, problem);
        }
    }
}
