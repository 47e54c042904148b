package com.accountview.tools.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.accountview.tools.stack.LocalPostgres;

/**
 * Compares a read model in PostgreSQL with the {@link ExpectedReadModel}, row by row: every live row
 * read must equal the expected row of its entity, and no expected row may be missing. Stateless and
 * thread-safe.
 */
final class ReadModelCheck {

    /** AccountView's read model, through the views the query side reads. */
    static final ReadModelCheck ACCOUNTVIEW = new ReadModelCheck("""
            SELECT account_id, org_id, external_id, customer_id, status, created_at, updated_at, version
            FROM accountview.live_account
            """, """
            SELECT contract_id, org_id, account_id, status, product_id, product_name, start_date, end_date,
                   created_at, updated_at, version
            FROM accountview.live_contract
            """);

    /** The ceiling program's tables ({@link CeilingTables}). */
    static final ReadModelCheck CEILING = new ReadModelCheck("""
            SELECT account_id, org_id, external_id, customer_id, status, created_at, updated_at, version
            FROM account WHERE NOT deleted
            """, """
            SELECT contract_id, org_id, account_id, status, product_id, product_name, start_date, end_date,
                   created_at, updated_at, version
            FROM contract WHERE NOT deleted
            """);

    /**
     * The outcome.
     *
     * @param matched rows equal to the expected ones
     * @param missing expected rows not found
     * @param unexpected rows found that are not expected (an entity that should be deleted or never existed)
     * @param different rows found with other values than expected
     * @param examples a few of the differences, for the log
     */
    record Outcome(long matched, long missing, long unexpected, long different, List<String> examples) {

        boolean equal() {
            return missing == 0 && unexpected == 0 && different == 0;
        }

        String describe() {
            return equal() ? String.format("equal: %,d rows", matched)
                    : String.format("NOT equal: %,d rows equal, %,d missing, %,d unexpected, %,d different; e.g. %s",
                    matched, missing, unexpected, different, examples);
        }
    }

    private final String accountsSql;
    private final String contractsSql;

    private ReadModelCheck(String accountsSql, String contractsSql) {
        this.accountsSql = accountsSql;
        this.contractsSql = contractsSql;
    }

    Outcome verify(String jdbcUrl, ExpectedReadModel expected) throws SQLException {
        Map<String, String> rows = expected.rows();
        long[] counts = new long[3];
        List<String> examples = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, LocalPostgres.PASSWORD)) {
            connection.setAutoCommit(false); // a cursor: rows are fetched in chunks, not all at once
            read(connection, accountsSql, ExpectedReadModel.ACCOUNT, rows, counts, examples);
            read(connection, contractsSql, ExpectedReadModel.CONTRACT, rows, counts, examples);
            connection.rollback();
        }
        long matched = counts[0];
        long missing = rows.size() - matched - counts[2];
        return new Outcome(matched, missing, counts[1], counts[2], List.copyOf(examples));
    }

    private static void read(Connection connection, String sql, String entity, Map<String, String> expected,
                             long[] counts, List<String> examples) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet result = statement.executeQuery(sql)) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    List<String> values = new ArrayList<>(meta.getColumnCount());
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        values.add(text(result, column, meta.getColumnTypeName(column)));
                    }
                    String actual = ExpectedReadModel.canonical(values);
                    String wanted = expected.get(ExpectedReadModel.key(entity, values.get(0)));
                    if (wanted == null) {
                        counts[1]++;
                        example(examples, "unexpected " + entity + " " + printable(actual));
                    } else if (wanted.equals(actual)) {
                        counts[0]++;
                    } else {
                        counts[2]++;
                        example(examples, entity + " " + values.get(0) + ": expected " + printable(wanted) + " but found " + printable(actual));
                    }
                }
            }
        }
    }

    private static String text(ResultSet result, int column, String type) throws SQLException {
        switch (type) {
            case "timestamptz" -> {
                OffsetDateTime value = result.getObject(column, OffsetDateTime.class);
                return value == null ? null : value.toInstant().toString();
            }
            case "numeric" -> {
                BigDecimal value = result.getBigDecimal(column);
                return value == null ? null : value.toBigIntegerExact().toString();
            }
            default -> {
                Object value = result.getObject(column);
                return value == null ? null : value.toString();
            }
        }
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 3) {
            examples.add(text);
        }
    }

    private static String printable(String canonical) {
        return canonical.replace('\u001f', '|');
    }
}
