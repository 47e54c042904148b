package com.accountview.query.contracts;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.accountview.query.accounts.AccountMatches;
import com.accountview.query.accounts.ExternalAccountRef;
import com.accountview.query.accounts.ExternalIdLookup;
import com.accountview.query.errors.ErrorCode;
import com.accountview.query.readmodel.LiveLookup;
import com.accountview.query.readmodel.ReadModel;
import org.springframework.stereotype.Component;

/**
 * The live contracts of the account that an external id resolves to, read together with that
 * resolution in one round trip. Contracts join their account on the organization too, so a
 * tenant never sees another's contract.
 */
@Component
class AccountContracts {

    /** The accounts of {@link ExternalIdLookup#ACCOUNTS}, each with each of its live contracts, if any. */
    private static final String CONTRACTS_BY_EXTERNAL_ID = "WITH account AS (" + ExternalIdLookup.ACCOUNTS + ")\n" + """
            SELECT account.account_id, c.contract_id, c.status, c.product_id, c.product_name,
                   c.start_date, c.end_date, c.created_at, c.updated_at
            FROM account
            LEFT JOIN accountview.live_contract c
                   ON c.account_id = account.account_id AND c.org_id = account.org_id
            """;

    private static final LiveLookup<ContractRow> CONTRACT_ROWS = LiveLookup.of(CONTRACTS_BY_EXTERNAL_ID, ContractRow.ROWS);

    private final ReadModel readModel;

    AccountContracts(ReadModel readModel) {
        this.readModel = readModel;
    }

    /**
     * {@code found} of the account's contracts, newest {@code start_date} first (empty when it has
     * none); when the external id resolves to no account or to several, {@code otherwise} of the
     * error and message of {@link AccountMatches#answer}.
     */
    <T> T of(ExternalAccountRef ref, Function<List<Contract>, T> found, BiFunction<ErrorCode, String, T> otherwise) {
        List<ContractRow> rows = readModel.readLive(CONTRACT_ROWS, ExternalIdLookup.arguments(ref));
        return AccountMatches.of(ref, rows.stream().map(ContractRow::accountId).toList()).answer(
                account -> found.apply(rows.stream()
                        .filter(ContractRow::hasContract)
                        .map(ContractRow::toContract)
                        .sorted(Contract.NEWEST_FIRST)
                        .toList()),
                otherwise);
    }
}
