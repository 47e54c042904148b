package com.accountview.query.warmup;

import java.util.List;

import com.accountview.query.accounts.ExternalAccountRef;

/**
 * The paths the warm-up asks for, the three lookups in turn. With {@code known} live accounts,
 * alternately for one of them (in turn) and for an external id that does not exist (404), so that
 * both the answers with a body and the error answers run. With a live read model that holds no
 * account yet, every path asks for the missing id (404 after the database answered). Without the
 * database (no read model yet, or the database unreachable), every path carries a malformed id:
 * answered 400 before the database is asked, they warm the rest of the request path without a 503
 * logged for each or an outage begun. Immutable and thread-safe.
 *
 * @param known    live accounts to ask for; empty when the read model holds none or was not read
 * @param database whether the paths may ask the database
 */
record WarmupRequests(List<ExternalAccountRef> known, boolean database) {

    static final List<String> ENDPOINTS = List.of("", "/contracts", "/contracts/active");
    static final String MISSING_ORG = "warm-up";
    static final String MISSING_ID = "warm-up.missing";
    static final String MALFORMED = "/v4/orgs/warm-up/external-accounts/warm-up!";

    /** How much of the request path the paths run, least first. */
    enum Reach { WITHOUT_DATABASE, MISSING_ACCOUNTS, LIVE_ACCOUNTS }

    WarmupRequests {
        known = List.copyOf(known);
        if (!database && !known.isEmpty()) {
            throw new IllegalArgumentException("known accounts are looked up in the database");
        }
    }

    static WarmupRequests withoutTheDatabase() {
        return new WarmupRequests(List.of(), false);
    }

    /** Lookups of {@code live} accounts (of missing ones only, when there are none) in the database. */
    static WarmupRequests lookingUp(List<ExternalAccountRef> live) {
        return new WarmupRequests(live, true);
    }

    Reach reach() {
        return !database ? Reach.WITHOUT_DATABASE : known.isEmpty() ? Reach.MISSING_ACCOUNTS : Reach.LIVE_ACCOUNTS;
    }

    /** The {@code n}th path, {@code n >= 0}. */
    String path(long n) {
        String endpoint = ENDPOINTS.get((int) (n % ENDPOINTS.size()));
        return switch (reach()) {
            case WITHOUT_DATABASE -> MALFORMED + endpoint;
            case MISSING_ACCOUNTS -> account(MISSING_ORG, MISSING_ID) + endpoint;
            case LIVE_ACCOUNTS -> {
                ExternalAccountRef ref = known.get((int) ((n / 2) % known.size()));
                yield account(ref.orgId(), n % 2 == 0 ? ref.externalId() : MISSING_ID) + endpoint;
            }
        };
    }

    /** For the log: what the paths ask for. */
    String description() {
        return switch (reach()) {
            case WITHOUT_DATABASE -> "requests with a malformed id, answered without the database";
            case MISSING_ACCOUNTS -> "lookups of a missing account: the read model holds no live account yet";
            case LIVE_ACCOUNTS -> "lookups of " + known.size()
                    + (known.size() == 1 ? " live account" : " live accounts") + " and of a missing one";
        };
    }

    private static String account(String orgId, String externalId) {
        return "/v4/orgs/" + orgId + "/external-accounts/" + externalId;
    }
}
