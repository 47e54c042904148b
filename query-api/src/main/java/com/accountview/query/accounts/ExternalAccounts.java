package com.accountview.query.accounts;

import java.util.Map;
import java.util.UUID;

import com.accountview.query.readmodel.ReadModel;
import org.springframework.stereotype.Component;

/** Resolves an external account id to the live account that carries it, in one round trip. */
@Component
class ExternalAccounts {

    private static final String ACCOUNTS_BY_EXTERNAL_ID = """
            SELECT a.account_id
            FROM accountview.live_generation g
            LEFT JOIN accountview.live_account a
                   ON a.org_id = :orgId AND a.external_id = :externalId
            """;

    private final ReadModel readModel;

    ExternalAccounts(ReadModel readModel) {
        this.readModel = readModel;
    }

    UUID resolve(ExternalAccountRef ref) {
        var rows = readModel.readLive(ACCOUNTS_BY_EXTERNAL_ID, AccountRow.class,
                Map.of("orgId", ref.orgId(), "externalId", ref.externalId()));
        return AccountMatches.of(ref, rows.stream().map(AccountRow::accountId).toList()).single();
    }

    /** One row of {@link #ACCOUNTS_BY_EXTERNAL_ID}; {@code accountId} is null when nothing matched. */
    record AccountRow(UUID accountId) {
    }
}
