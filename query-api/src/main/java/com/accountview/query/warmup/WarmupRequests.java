package com.accountview.query.warmup;

import java.util.List;

import com.accountview.query.accounts.ExternalAccountRef;

/**
 * The paths the warm-up asks for: the three lookups in turn, alternately for an external id that
 * exists (one of {@code known}, in turn) and for one that does not (404), so that both the answers
 * with a body and the error answers run. Without known ids (no read model yet, or the database
 * unreachable) every path carries a malformed id: answered 400 before the database is asked, they
 * warm the rest of the request path without a 503 logged for each or an outage begun.
 * Immutable and thread-safe.
 */
record WarmupRequests(List<ExternalAccountRef> known) {

    static final List<String> ENDPOINTS = List.of("", "/contracts", "/contracts/active");
    static final String MISSING_ID = "warm-up.missing";
    static final String MALFORMED = "/v4/orgs/warm-up/external-accounts/warm-up!";

    WarmupRequests {
        known = List.copyOf(known);
    }

    /** The {@code n}th path, {@code n >= 0}. */
    String path(long n) {
        String endpoint = ENDPOINTS.get((int) (n % ENDPOINTS.size()));
        if (known.isEmpty()) {
            return MALFORMED + endpoint;
        }
        ExternalAccountRef ref = known.get((int) ((n / 2) % known.size()));
        String externalId = n % 2 == 0 ? ref.externalId() : MISSING_ID;
        return "/v4/orgs/" + ref.orgId() + "/external-accounts/" + externalId + endpoint;
    }
}
