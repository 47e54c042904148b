package com.accountview.query.contracts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.accountview.query.readmodel.Row;

/**
 * One row of the contract lookups: an account that the external id resolves to and one of its
 * contracts, whose columns are all null when the account has none (the lookups join contracts to
 * accounts with an outer join, so that an account without any is still found).
 */
record ContractRow(UUID accountId, UUID contractId, String status, String productId, String productName,
                   Instant startDate, Instant endDate, Instant createdAt, Instant updatedAt) {

    /** Maps the columns the contract lookups select, by name. */
    static final Row<ContractRow> ROWS = row -> new ContractRow(
            row.getObject("account_id", UUID.class),
            row.getObject("contract_id", UUID.class),
            row.getString("status"),
            row.getString("product_id"),
            row.getString("product_name"),
            instant(row, "start_date"),
            instant(row, "end_date"),
            instant(row, "created_at"),
            instant(row, "updated_at"));

    boolean hasContract() {
        return contractId != null;
    }

    Contract toContract() {
        Contract.Product product = productId == null && productName == null
                ? null : new Contract.Product(productId, productName);
        return new Contract(contractId, accountId, status, product, startDate, endDate, createdAt, updatedAt);
    }

    /** A {@code timestamptz} column as an instant, whatever the session's time zone. */
    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
