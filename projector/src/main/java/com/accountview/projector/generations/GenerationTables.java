package com.accountview.projector.generations;

import java.util.List;

import org.jdbi.v3.core.Handle;

/**
 * The tables of one generation: a partition of each table that the schema partitions by
 * generation ({@code account}, {@code contract}), named {@code <table>_g<id>}. Which tables those
 * are, their primary keys and their secondary indexes are read from the catalog, so the Flyway
 * migrations stay the one description of the schema.
 *
 * <p>A rebuilt generation's partitions start as tables of their own with only their primary key,
 * so that the bulk of a rebuild does not maintain indexes it does not need yet; before the switch
 * they get the parent's indexes and are attached to the parent, which then finds its indexes
 * already built. Every step is idempotent, so a crash at any point is repaired by doing it again.
 * Stateless and thread-safe.
 */
final class GenerationTables {

    private static final String PARTITIONED_TABLES = """
            SELECT c.relname
            FROM pg_partitioned_table p
            JOIN pg_class c ON c.oid = p.partrelid
            WHERE c.relnamespace = current_schema()::regnamespace
            ORDER BY c.relname
            """;

    private static final String PRIMARY_KEY = """
            SELECT pg_get_constraintdef(con.oid)
            FROM pg_constraint con
            WHERE con.conrelid = CAST(:table AS regclass) AND con.contype = 'p'
            """;

    private static final String SECONDARY_INDEXES = """
            SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = CAST(:table AS regclass) AND NOT i.indisprimary
            ORDER BY c.relname
            """;

    private static final String IS_ATTACHED = """
            SELECT EXISTS (SELECT 1 FROM pg_inherits
                           WHERE inhrelid = to_regclass(:partition) AND inhparent = CAST(:table AS regclass))
            """;

    private static final String EXISTS = "SELECT to_regclass(:partition) IS NOT NULL";

    /** Every detach left pending in the schema's partitioned tables, whichever generation. */
    private static final String PENDING_DETACHES = """
            SELECT parent.relname AS parent, child.relname AS child
            FROM pg_inherits i
            JOIN pg_class parent ON parent.oid = i.inhparent
            JOIN pg_class child ON child.oid = i.inhrelid
            WHERE i.inhdetachpending AND parent.relnamespace = current_schema()::regnamespace
            """;

    /** The generations in the given state of which some partition still exists. */
    private static final String WITH_PARTITIONS = """
            SELECT DISTINCT g.id FROM generation g
            CROSS JOIN (SELECT c.relname FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
                        WHERE c.relnamespace = current_schema()::regnamespace) AS t
            WHERE g.state = :state AND to_regclass(t.relname || :suffix || g.id) IS NOT NULL
            ORDER BY g.id
            """;

    /** A generation's partition of a table is named {@code <table>_g<generation>}. */
    private static final String PARTITION_SUFFIX = "_g";

    private GenerationTables() {
    }

    static String partitionOf(String table, int generation) {
        return table + PARTITION_SUFFIX + generation;
    }

    /** Creates the generation's partitions as tables of their own, with their primary key only. */
    static void create(Handle handle, int generation) {
        for (String table : partitionedTables(handle)) {
            String partition = partitionOf(table, generation);
            String primaryKey = handle.createQuery(PRIMARY_KEY).bind("table", table).mapTo(String.class).one();
            handle.execute("CREATE TABLE " + partition + " (LIKE " + table + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            handle.execute("ALTER TABLE " + partition + " ADD " + primaryKey);
            // lets ATTACH PARTITION skip scanning the table for rows of other generations
            handle.execute("ALTER TABLE " + partition + " ADD CONSTRAINT " + partition + "_generation CHECK (generation = "
                    + generation + ")");
        }
    }

    /**
     * Builds the parent's secondary indexes on each partition of the generation (where not built
     * yet), gathers its planner statistics and attaches the partition to its parent (where not
     * attached yet). Run in a transaction of its own: it locks the partitions while it builds.
     */
    static void indexAndAttach(Handle handle, int generation) {
        for (String table : partitionedTables(handle)) {
            String partition = partitionOf(table, generation);
            handle.createQuery(SECONDARY_INDEXES).bind("table", table)
                    .map((rs, ctx) -> new String[] {rs.getString("name"), rs.getString("definition")})
                    .list()
                    .forEach(index -> handle.execute(onPartition(index[0], index[1], table, partition)));
            // the partition goes live right after: without statistics the planner would guess until
            // autovacuum's next round, and the query-api's cached plans could keep those guesses
            handle.execute("ANALYZE " + partition);
            if (!isAttached(handle, table, partition)) {
                handle.execute("ALTER TABLE " + table + " ATTACH PARTITION " + partition + " FOR VALUES IN ("
                        + generation + ")");
            }
        }
    }

    /**
     * Drops the generation's partitions, detaching attached ones concurrently first so that queries of
     * the live generation never wait. Must run outside a transaction (autocommit).
     */
    static void drop(Handle handle, int generation) {
        finalizePendingDetaches(handle);
        for (String table : partitionedTables(handle)) {
            String partition = partitionOf(table, generation);
            if (isAttached(handle, table, partition)) {
                handle.execute("ALTER TABLE " + table + " DETACH PARTITION " + partition + " CONCURRENTLY");
            }
            if (handle.createQuery(EXISTS).bind("partition", partition).mapTo(Boolean.class).one()) {
                handle.execute("DROP TABLE " + partition);
            }
        }
    }

    /**
     * Completes every detach left pending: a concurrent detach cut short (a crash, a lost
     * connection) stays pending, and while one partition of a table is, PostgreSQL refuses a
     * concurrent detach of any other, whichever generation it belongs to.
     */
    private static void finalizePendingDetaches(Handle handle) {
        handle.createQuery(PENDING_DETACHES).map((rs, ctx) -> new PendingDetach(rs.getString("parent"), rs.getString("child")))
                .list()
                .forEach(pending -> handle.execute("ALTER TABLE " + pending.parent() + " DETACH PARTITION "
                        + pending.child() + " FINALIZE"));
    }

    private record PendingDetach(String parent, String child) {
    }

    /** The generations in the state ({@code CANCELLED}, say) of which some partition still exists, oldest first. */
    static List<Integer> withPartitions(Handle handle, String state) {
        return handle.createQuery(WITH_PARTITIONS).bind("state", state).bind("suffix", PARTITION_SUFFIX)
                .mapTo(Integer.class).list();
    }

    private static List<String> partitionedTables(Handle handle) {
        return handle.createQuery(PARTITIONED_TABLES).mapTo(String.class).list();
    }

    private static boolean isAttached(Handle handle, String table, String partition) {
        return handle.createQuery(IS_ATTACHED).bind("table", table).bind("partition", partition)
                .mapTo(Boolean.class).one();
    }

    /**
     * {@code CREATE INDEX account_by_external_id ON ONLY accountview.account USING btree (...) WHERE ...}
     * becomes the same index on the partition, under a name of its own, if it does not exist yet.
     */
    private static String onPartition(String name, String definition, String table, String partition) {
        int using = definition.indexOf(" USING ");
        return "CREATE INDEX IF NOT EXISTS " + partition + "_" + name.replaceFirst("^" + table + "_", "")
                + " ON " + partition + definition.substring(using);
    }
}
