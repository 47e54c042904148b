package com.accountview.query.contracts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Which contract is active now, evaluated at request time so that time passing without events
 * counts: status {@code ACTIVE}, {@code start_date <= now} and ({@code end_date} unknown or
 * {@code now < end_date}); of several, the first by {@link Contract#NEWEST_FIRST}. PostgreSQL picks
 * it, walking the account's contracts newest {@code start_date} first on their index and stopping at
 * the first that qualifies: an account with 100,000 contracts sends one row, not all of them
 * (docs/api.md). Thread-safe.
 */
@Component
class ActiveContracts {

    /**
     * The accounts of {@link ExternalIdLookup#ACCOUNTS}, each with its contract active at {@code :now},
     * if any. The order is {@link Contract#NEWEST_FIRST}'s: a {@code uuid} orders as its text does.
     */
    private static final String ACTIVE_CONTRACT_BY_EXTERNAL_ID = "WITH account AS (" + ExternalIdLookup.ACCOUNTS + ")\n" + """
            SELECT account.account_id, c.contract_id, c.status, c.product_id, c.product_name,
                   c.start_date, c.end_date, c.created_at, c.updated_at
            FROM account
            LEFT JOIN LATERAL (
                SELECT active.*
                FROM accountview.live_contract active
                WHERE active.account_id = account.account_id AND active.org_id = account.org_id
                  AND active.status = :activeStatus AND active.start_date <= :now
                  AND (active.end_date IS NULL OR :now < active.end_date)
                ORDER BY active.start_date DESC, active.updated_at DESC NULLS LAST, active.contract_id DESC
                LIMIT 1
            ) c ON true
            """;

    private static final LiveLookup<ContractRow> ACTIVE_ROWS = LiveLookup.of(ACTIVE_CONTRACT_BY_EXTERNAL_ID, ContractRow.ROWS);
    private static final String ACTIVE = "ACTIVE";

    private final ReadModel readModel;
    private final Clock clock;

    ActiveContracts(ReadModel readModel, Clock clock) {
        this.readModel = readModel;
        this.clock = clock;
    }

    /**
     * {@code found} of the contract of {@code ref}'s account active now; without one, {@code
     * otherwise} of 404 {@code NO_ACTIVE_CONTRACT} and its message: an expected outcome, so
     * returned rather than thrown (docs/api.md); when the external id resolves to no account or to
     * several, {@code otherwise} of the error and message of {@link AccountMatches#answer}.
     */
    <T> T answer(ExternalAccountRef ref, Function<Contract, T> found, BiFunction<ErrorCode, String, T> otherwise) {
        List<ContractRow> rows = readModel.readLive(ACTIVE_ROWS, arguments(ref));
        return AccountMatches.of(ref, rows.stream().map(ContractRow::accountId).toList()).answer(
                account -> rows.get(0).hasContract() ? found.apply(rows.get(0).toContract())
                        : otherwise.apply(ErrorCode.NO_ACTIVE_CONTRACT, "Account '" + ref.externalId()
                                + "' of organization '" + ref.orgId() + "' has no active contract now."),
                otherwise);
    }

    /**
     * The lookup's parameters, {@code now} cut to PostgreSQL's microseconds: the driver would round
     * it to the nearest one, which could make a contract starting half a microsecond later active.
     * Every stored instant is whole microseconds, so comparing with the cut one decides alike.
     */
    private Map<String, Object> arguments(ExternalAccountRef ref) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        Map<String, Object> arguments = new HashMap<>(ExternalIdLookup.arguments(ref));
        arguments.put("activeStatus", ACTIVE);
        arguments.put("now", now);
        return arguments;
    }
}
