package com.accountview.tools.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.accountview.contract.EntityKind;

/**
 * The ceiling program's tables, in a database of their own: one row per entity with the same columns
 * and indexes as AccountView's read model (so that both write as much), and its set-based writes:
 * one {@code unnest} multi-row upsert with a version guard per table and batch, and one update for
 * the keys a Kafka tombstone deleted. Stateless and thread-safe.
 */
final class CeilingTables {

    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS account (
                account_id  uuid PRIMARY KEY, org_id text NOT NULL, external_id text, customer_id uuid, status text,
                created_at  timestamptz, updated_at timestamptz, version numeric NOT NULL, deleted boolean NOT NULL,
                event_id    text NOT NULL, event_time timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS account_by_external_id ON account (org_id, external_id) WHERE NOT deleted;
            CREATE TABLE IF NOT EXISTS contract (
                contract_id uuid PRIMARY KEY, org_id text NOT NULL, account_id uuid, status text, product_id text,
                product_name text, start_date timestamptz, end_date timestamptz, created_at timestamptz,
                updated_at  timestamptz, version numeric NOT NULL, deleted boolean NOT NULL, event_id text NOT NULL,
                event_time  timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS contract_by_account ON contract (org_id, account_id, start_date DESC) WHERE NOT deleted;
            """;

    /** A column: its name, its SQL type and where its value comes from. */
    private record Column(String name, String type, Function<CeilingFold.State, String> value) {
    }

    private static final List<Column> ACCOUNT = columns("account_id",
            new Column("external_id", "text", s -> s.text("external_id")),
            new Column("customer_id", "uuid", s -> s.text("customer_id")),
            new Column("status", "text", s -> s.text("status")));

    private static final List<Column> CONTRACT = columns("contract_id",
            new Column("account_id", "uuid", s -> s.text("account_id")),
            new Column("status", "text", s -> s.text("status")),
            new Column("product_id", "text", s -> s.text("product", "id")),
            new Column("product_name", "text", s -> s.text("product", "name")),
            new Column("start_date", "timestamptz", s -> s.text("start_date")),
            new Column("end_date", "timestamptz", s -> s.text("end_date")));

    /** The id and organization, the entity's own columns, then what every entity has. */
    private static List<Column> columns(String id, Column... own) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(id, "uuid", CeilingFold.State::id));
        columns.add(new Column("org_id", "text", CeilingFold.State::org));
        columns.addAll(List.of(own));
        columns.add(new Column("created_at", "timestamptz", s -> s.text("created_at")));
        columns.add(new Column("updated_at", "timestamptz", s -> s.text("updated_at")));
        columns.add(new Column("version", "numeric", s -> s.version().toString()));
        columns.add(new Column("deleted", "boolean", s -> String.valueOf(s.deleted())));
        columns.add(new Column("event_id", "text", CeilingFold.State::eventId));
        columns.add(new Column("event_time", "timestamptz", CeilingFold.State::eventTime));
        return List.copyOf(columns);
    }

    private final String accountUpsert = upsert("account", ACCOUNT);
    private final String contractUpsert = upsert("contract", CONTRACT);

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(SCHEMA);
        }
    }

    /** Writes one table's part of the batch: up to three statements, in the fold's order. */
    void write(Connection connection, EntityKind topic, CeilingFold.Writes writes) throws SQLException {
        List<Column> columns = topic == EntityKind.ACCOUNT ? ACCOUNT : CONTRACT;
        String upsert = topic == EntityKind.ACCOUNT ? accountUpsert : contractUpsert;
        upsert(connection, upsert, columns, writes.first());
        if (!writes.tombstoned().isEmpty()) {
            String table = topic == EntityKind.ACCOUNT ? "account" : "contract";
            String sql = "UPDATE " + table + " SET deleted = true WHERE " + columns.get(0).name()
                    + " = ANY(CAST(? AS uuid[])) AND NOT deleted";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", writes.tombstoned().toArray()));
                statement.executeUpdate();
            }
        }
        upsert(connection, upsert, columns, writes.then());
    }

    private static void upsert(Connection connection, String sql, List<Column> columns, List<CeilingFold.State> states)
            throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                Function<CeilingFold.State, String> value = columns.get(i).value();
                Array array = connection.createArrayOf("text", states.stream().map(value).toArray());
                statement.setArray(i + 1, array);
            }
            statement.executeUpdate();
        }
    }

    private static String upsert(String table, List<Column> columns) {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String selected = columns.stream().map(c -> "CAST(w." + c.name() + " AS " + c.type() + ")").collect(Collectors.joining(", "));
        String arrays = columns.stream().map(c -> "CAST(? AS text[])").collect(Collectors.joining(", "));
        String updates = columns.stream().skip(1).map(c -> c.name() + " = EXCLUDED." + c.name()).collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " AS stored (" + names + ")\n"
                + "SELECT " + selected + "\n"
                + "FROM unnest(" + arrays + ") AS w(" + names + ")\n"
                + "ON CONFLICT (" + columns.get(0).name() + ") DO UPDATE SET " + updates + "\n"
                + "WHERE stored.version < EXCLUDED.version";
    }
}
