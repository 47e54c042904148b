package com.accountview.tools.bench;

/**
 * The SQL the query-api runs per request, copied from its sources so that the baseline (pgbench or
 * a JDBC loop) runs exactly the same statement against the same read model: one round trip per
 * request, named parameters {@code :orgId} and {@code :externalId}. {@code LookupSqlTest} checks
 * that the copies still equal the query-api's constants.
 *
 * @param name a short name for the table
 * @param source where the statement comes from
 * @param sql the statement
 */
record LookupSql(String name, String source, String sql) {

    /** {@code query-api/…/accounts/ExternalAccounts.ACCOUNTS_BY_EXTERNAL_ID}. */
    static final LookupSql ACCOUNTS_BY_EXTERNAL_ID = new LookupSql("account by external id",
            "query-api/src/main/java/com/accountview/query/accounts/ExternalAccounts.java ACCOUNTS_BY_EXTERNAL_ID", """
            SELECT a.account_id
            FROM accountview.live_generation g
            LEFT JOIN accountview.live_account a
                   ON a.org_id = :orgId AND a.external_id = :externalId
            """);

    /** {@code query-api/…/contracts/AccountContracts.CONTRACTS_BY_EXTERNAL_ID}. */
    static final LookupSql CONTRACTS_BY_EXTERNAL_ID = new LookupSql("contracts by external id",
            "query-api/src/main/java/com/accountview/query/contracts/AccountContracts.java CONTRACTS_BY_EXTERNAL_ID", """
            SELECT a.account_id, c.contract_id, c.status, c.product_id, c.product_name,
                   c.start_date, c.end_date, c.created_at, c.updated_at
            FROM accountview.live_generation g
            LEFT JOIN accountview.live_account a
                   ON a.org_id = :orgId AND a.external_id = :externalId
            LEFT JOIN accountview.live_contract c
                   ON c.account_id = a.account_id AND c.org_id = a.org_id
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
