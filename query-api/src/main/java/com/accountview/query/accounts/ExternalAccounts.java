package com.accountview.query.accounts;

import java.util.UUID;

import com.accountview.query.readmodel.ReadModel;
import org.springframework.stereotype.Component;

/** Resolves an external account id to the live account that carries it, in one round trip. */
@Component
class ExternalAccounts {

    private final ReadModel readModel;

    ExternalAccounts(ReadModel readModel) {
        this.readModel = readModel;
    }

    UUID resolve(ExternalAccountRef ref) {
        var rows = readModel.readLive(ExternalIdLookup.ACCOUNTS, AccountRow.class, ExternalIdLookup.arguments(ref));
        return AccountMatches.of(ref, rows.stream().map(AccountRow::accountId).toList()).single();
    }

    /** One row of {@link ExternalIdLookup#ACCOUNTS}. */
    record AccountRow(UUID accountId) {
    }
}
