package com.accountview.query.accounts;

import java.util.UUID;

import com.accountview.query.readmodel.LiveLookup;
import com.accountview.query.readmodel.ReadModel;
import org.springframework.stereotype.Component;

/** Reads the live accounts that carry an external account id, in one round trip. */
@Component
class ExternalAccounts {

    private static final LiveLookup<UUID> ACCOUNT_IDS =
            LiveLookup.of(ExternalIdLookup.ACCOUNTS, row -> row.getObject("account_id", UUID.class));

    private final ReadModel readModel;

    ExternalAccounts(ReadModel readModel) {
        this.readModel = readModel;
    }

    AccountMatches matching(ExternalAccountRef ref) {
        return AccountMatches.of(ref, readModel.readLive(ACCOUNT_IDS, ExternalIdLookup.arguments(ref)));
    }
}
