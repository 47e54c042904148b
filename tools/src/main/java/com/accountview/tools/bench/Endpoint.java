package com.accountview.tools.bench;

/** The query-api's three GET endpoints, each with the statement it runs. */
enum Endpoint {
    ACCOUNT("GET …/{id}", "", LookupSql.ACCOUNTS_BY_EXTERNAL_ID),
    CONTRACTS("GET …/{id}/contracts", "/contracts", LookupSql.CONTRACTS_BY_EXTERNAL_ID),
    ACTIVE_CONTRACT("GET …/{id}/contracts/active", "/contracts/active", LookupSql.ACTIVE_CONTRACT_BY_EXTERNAL_ID);

    private final String label;
    private final String suffix;
    private final LookupSql sql;

    Endpoint(String label, String suffix, LookupSql sql) {
        this.label = label;
        this.suffix = suffix;
        this.sql = sql;
    }

    String label() {
        return label;
    }

    LookupSql sql() {
        return sql;
    }

    String path(String orgId, String externalId) {
        return "/v4/orgs/" + orgId + "/external-accounts/" + externalId + suffix;
    }
}
