package com.accountview.projector.projection;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import com.accountview.contract.VersionKey;

/**
 * Set-based access to one {@link EntityTable} within the batch's transaction: one statement per
 * call, whatever the number of entities, each derived from the table's description. Stateless and
 * thread-safe.
 */
final class EntityRows {

    /**
     * The version guard: a stored row is replaced only by a greater {@link VersionKey} (the higher
     * sequence, then a delete, then the greater event id, compared byte-wise as Java compares code
     * points), so a write that lost a race, or came late, is a no-op.
     */
    private static final String VERSION_GUARD = """
            WHERE (stored.version, stored.deleted, stored.event_id COLLATE "C")
                < (EXCLUDED.version, EXCLUDED.deleted, EXCLUDED.event_id COLLATE "C")
            """;

    /**
     * Driven from the batch's ids, one primary-key probe each, whatever the partition's statistics
     * say. No row lock ({@code FOR UPDATE} wrote a lock into every row read, as much WAL as a
     * write): the batch already holds its partitions' {@code consumer_offset} rows, every writer of
     * these entities holds one of them, and the upsert's guard decides in any case.
     */
    private static final String STORED_VERSIONS = """
            SELECT stored.{id} AS id, stored.version, stored.deleted, stored.event_id
            FROM unnest(CAST(:ids AS uuid[])) AS batch(id)
            JOIN {table} AS stored ON stored.generation = :generation AND stored.{id} = batch.id
            """;

    /**
     * A Kafka tombstone deletes whatever the version, and keeps the version. It clears the state as
     * a delete written by the upsert does (a tombstone in the batch of the entity's last version
     * is written that way), so that a deleted row is the same whichever batch its tombstone came in.
     */
    private static final String TOMBSTONE = """
            UPDATE {table} SET deleted = true, {cleared}, applied_at = now()
            WHERE generation = :generation AND {id} = ANY(CAST(:ids AS uuid[])) AND NOT deleted
            """;

    /** One multi-row upsert: one array per column, unnested side by side and turned into the column's type. */
    private static final String UPSERT = """
            INSERT INTO {table} AS stored (generation, {columns})
            SELECT :generation, {casts}
            FROM unnest({arrays}) AS w({columns})
            ON CONFLICT (generation, {id}) DO UPDATE SET {assignments}, applied_at = now()
            """ + VERSION_GUARD;

    /** Fewer writes are encoded on the consumer thread alone. */
    private static final int MIN_WRITES_PER_THREAD = 256;

    private final EntityTable table;
    private final String partition;
    private final String storedVersionsSql;
    private final String tombstoneSql;
    private final String upsertSql;

    /** Access to the table's partition of one generation, {@code <table>_g<generation>}, which writes go to directly. */
    EntityRows(EntityTable table, int generation) {
        this.table = table;
        this.partition = table.name() + "_g" + generation;
        this.storedVersionsSql = render(STORED_VERSIONS);
        this.tombstoneSql = render(TOMBSTONE).replace("{cleared}", join(table.stateColumns(), c -> c.name() + " = NULL"));
        this.upsertSql = render(UPSERT)
                .replace("{casts}", join(table.columns(), c -> c.fromElement("w." + c.name())))
                .replace("{arrays}", join(table.columns(), c -> "CAST(:" + c.parameter() + " AS " + c.arrayType() + "[])"))
                .replace("{columns}", table.columnList(""))
                .replace("{assignments}", join(table.columns().subList(1, table.columns().size()),
                        c -> c.name() + " = EXCLUDED." + c.name()));
    }

    /** The generation's partition of the table, {@code <table>_g<generation>}. */
    String partition() {
        return partition;
    }

    /** Reads the stored versions of the given entities; absent ones are not in the map. */
    Map<UUID, VersionKey> storedVersions(Handle handle, int generation, Collection<UUID> ids) {
        Map<UUID, VersionKey> versions = new HashMap<>();
        if (ids.isEmpty()) {
            return versions;
        }
        handle.createQuery(storedVersionsSql)
                .bind("generation", generation)
                .bindArray("ids", String.class, ids.stream().map(UUID::toString).toList())
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), new VersionKey(
                        rs.getBigDecimal("version").toBigIntegerExact(), rs.getBoolean("deleted"),
                        rs.getString("event_id"))))
                .forEach(entry -> versions.put(entry.getKey(), entry.getValue()));
        return versions;
    }

    /**
     * Writes the final states; the version guard makes a write that lost a race a no-op. The driver
     * encodes an array when it is created (finding the built-in {@code text} and {@code int8} types
     * in its cache, without a round trip), so the columns' arrays are created on the batch's threads,
     * each column whole on one of them; the statement runs on this thread once they are all made.
     */
    int write(Handle handle, int generation, List<EntityWrite> writes, BatchThreads threads) {
        if (writes.isEmpty()) {
            return 0;
        }
        Connection connection = handle.getConnection();
        List<Array> arrays = threads.map(table.columns(), writes.size() < MIN_WRITES_PER_THREAD ? Integer.MAX_VALUE : 1,
                column -> array(connection, column, writes));
        Update upsert = handle.createUpdate(upsertSql).bind("generation", generation);
        for (int i = 0; i < arrays.size(); i++) {
            Array array = arrays.get(i);
            upsert.bind(table.columns().get(i).parameter(), (position, statement, context) -> statement.setArray(position, array));
        }
        return upsert.execute();
    }

    private static Array array(Connection connection, Column column, List<EntityWrite> writes) {
        Object[] values = column.newArray(writes.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = column.element(writes.get(i));
        }
        try {
            return connection.createArrayOf(column.arrayType(), values);
        } catch (SQLException e) {
            throw new UnableToEncodeColumnException(column.name(), e);
        }
    }

    /** Marks the given entities deleted at their stored version. */
    int tombstone(Handle handle, int generation, Set<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return handle.createUpdate(tombstoneSql)
                .bind("generation", generation)
                .bindArray("ids", String.class, ids.stream().map(UUID::toString).toList())
                .execute();
    }

    private String render(String template) {
        return template.replace("{table}", partition).replace("{id}", table.idColumn());
    }

    private static String join(List<Column> columns, java.util.function.Function<Column, String> each) {
        return columns.stream().map(each).collect(Collectors.joining(", "));
    }
}
