package com.accountview.tools.bench;

/**
 * The SQL the query-api runs per request, copied from its sources so that the baseline (pgbench or
 * a JDBC loop) runs exactly the same statement against the same read model: the endpoint's lookup
 * as the query-api's {@code ReadModel} runs it, joined to {@code live_generation} in the same
 * statement; one round trip per request, named parameters {@code :orgId} and {@code :externalId}.
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

    /** The statement with JDBC's positional parameters: {@code :orgId} first, {@code :externalId} second. */
    String jdbc() {
        String positional = sql.replace(":orgId", "?").replace(":externalId", "?");
        if (sql.indexOf(":orgId") > sql.indexOf(":externalId")) {
            throw new IllegalStateException("expected :orgId before :externalId in " + sql);
        }
        return positional;
    }
}
