package com.accountview.tools.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL the query-api runs per request, copied from its sources so that the baseline (pgbench or
 * a JDBC loop) runs exactly the same statement against the same read model: the endpoint's lookup
 * as the query-api's {@code ReadModel} runs it, joined to {@code live_generation} in the same
 * statement; one round trip per request, named parameters {@code :orgId}, {@code :externalId} and
 * (the active contract) {@code :activeStatus} and {@code :now}.
 * {@code LookupSqlTest} composes the statements from the query-api's sources as it does and checks
 * that the copies still equal them.
 *
 * @param name a short name for the table
 * @param source where the lookup comes from: a source file and the constant in it
 * @param sql the statement
 */
record LookupSql(String name, String source, String sql) {

    /** {@code query-api/…/accounts/ExternalIdLookup.ACCOUNTS}, joined to the live generation. */
    static final LookupSql ACCOUNTS_BY_EXTERNAL_ID = new LookupSql("account by external id",
            "query-api/src/main/java/com/accountview/query/accounts/ExternalIdLookup.java ACCOUNTS", """
            SELECT lookup.*
            FROM accountview.live_generation
            LEFT JOIN LATERAL (SELECT true AS read_model_lookup_row, found.* FROM (
                SELECT account_id, org_id
                FROM accountview.live_account
                WHERE org_id = :orgId AND external_id = :externalId
            ) found) lookup ON true
            """);

    /** {@code query-api/…/contracts/AccountContracts.CONTRACTS_BY_EXTERNAL_ID}, joined to the live generation. */
    static final LookupSql CONTRACTS_BY_EXTERNAL_ID = new LookupSql("contracts by external id",
            "query-api/src/main/java/com/accountview/query/contracts/AccountContracts.java CONTRACTS_BY_EXTERNAL_ID", """
            SELECT lookup.*
            FROM accountview.live_generation
            LEFT JOIN LATERAL (SELECT true AS read_model_lookup_row, found.* FROM (
                WITH account AS (
                    SELECT account_id, org_id
                    FROM accountview.live_account
                    WHERE org_id = :orgId AND external_id = :externalId
                )
                SELECT account.account_id, c.contract_id, c.status, c.product_id, c.product_name,
                       c.start_date, c.end_date, c.created_at, c.updated_at
                FROM account
                LEFT JOIN accountview.live_contract c
                       ON c.account_id = account.account_id AND c.org_id = account.org_id
            ) found) lookup ON true
            """);

    /** The statement of the query-api's {@code ActiveContracts.ACTIVE_CONTRACT_BY_EXTERNAL_ID}, joined to the live generation. */
    static final LookupSql ACTIVE_CONTRACT_BY_EXTERNAL_ID = new LookupSql("active contract by external id",
            "query-api/src/main/java/com/accountview/query/contracts/ActiveContracts.java ACTIVE_CONTRACT_BY_EXTERNAL_ID", """
            SELECT lookup.*
            FROM accountview.live_generation
            LEFT JOIN LATERAL (SELECT true AS read_model_lookup_row, found.* FROM (
                WITH account AS (
                    SELECT account_id, org_id
                    FROM accountview.live_account
                    WHERE org_id = :orgId AND external_id = :externalId
                )
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
            ) found) lookup ON true
            """);

    static final String ORG_ID = "orgId";
    static final String EXTERNAL_ID = "externalId";
    /** {@code :name}, but not the second colon of a {@code ::type} cast. */
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");

    /** The statement with JDBC's positional parameters, one {@code ?} for each of {@link #parameters()}. */
    String jdbc() {
        return PARAMETER.matcher(sql).replaceAll("?");
    }

    /** The name of each named parameter, in the order of the statement, repeated where it is. */
    List<String> parameters() {
        return PARAMETER.matcher(sql).results().map(parameter -> parameter.group(1)).toList();
    }

    /**
     * The values of the parameters other than {@code :orgId} and {@code :externalId}, as text, the same
     * for a whole load window: the active status, and {@code now} as the query-api binds it (whole
     * microseconds), taken when the window starts rather than per request.
     */
    Map<String, String> fixedArguments(Instant now) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : parameters()) {
            switch (name) {
                case ORG_ID, EXTERNAL_ID -> { }
                case "activeStatus" -> values.put(name, "ACTIVE");
                case "now" -> values.put(name, now.truncatedTo(ChronoUnit.MICROS).toString());
                default -> throw new IllegalStateException("no value for :" + name + " in " + this.name);
            }
        }
        return values;
    }
}
