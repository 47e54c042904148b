package com.accountview.query.accounts;

import java.util.Map;

/**
 * The one statement that resolves an external id: the live accounts that carry it in its
 * organization, as {@code account_id} and {@code org_id}. The account endpoint reads it as it is;
 * the contract endpoints read it as the {@code account} of their own statement, so all three
 * resolve alike, each in one round trip. Pass {@link #arguments} for its parameters and its rows to
 * {@link AccountMatches}.
 */
public final class ExternalIdLookup {

    public static final String ACCOUNTS = """
            SELECT account_id, org_id
            FROM accountview.live_account
            WHERE org_id = :orgId AND external_id = :externalId
            """;

    private ExternalIdLookup() {
    }

    /** The parameters of {@link #ACCOUNTS} for {@code ref}. */
    public static Map<String, Object> arguments(ExternalAccountRef ref) {
        return Map.of("orgId", ref.orgId(), "externalId", ref.externalId());
    }
}
