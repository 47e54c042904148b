package com.accountview.projector.projection;

import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

/**
 * Set-based access to one entity table of the read model within the batch's transaction: one
 * statement per call, whatever the number of entities.
 */
abstract sealed class EntityRows permits AccountRows, ContractRows {

    private final String lockVersionsSql;
    private final String tombstoneSql;

    EntityRows(String table, String idColumn) {
        lockVersionsSql = """
                SELECT %2$s AS id, version, deleted
                FROM %1$s
                WHERE generation = :generation AND %2$s = ANY(CAST(:ids AS uuid[]))
                ORDER BY %2$s
                FOR UPDATE
                """.formatted(table, idColumn);
        // a Kafka tombstone deletes whatever the version and keeps the version
        tombstoneSql = """
                UPDATE %1$s SET deleted = true, applied_at = now()
                WHERE generation = :generation AND %2$s = ANY(CAST(:ids AS uuid[])) AND NOT deleted
                """.formatted(table, idColumn);
    }

    /** Reads and locks the stored versions of the given entities; absent ones are not in the map. */
    Map<UUID, StoredVersion> lockVersions(Handle handle, int generation, Collection<UUID> ids) {
        Map<UUID, StoredVersion> versions = new HashMap<>();
        if (ids.isEmpty()) {
            return versions;
        }
        handle.createQuery(lockVersionsSql)
                .bind("generation", generation)
                .bindArray("ids", String.class, ids.stream().map(UUID::toString).toList())
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), new StoredVersion(
                        rs.getBigDecimal("version").toBigIntegerExact(), rs.getBoolean("deleted"))))
                .forEach(entry -> versions.put(entry.getKey(), entry.getValue()));
        return versions;
    }

    /** Writes the final states; the version guard makes a write that lost a race a no-op. */
    abstract int write(Handle handle, int generation, List<EntityWrite> writes);

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

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static String version(BigInteger version) {
        return version.toString();
    }
}
