package com.accountview.projector.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Set-based access to one entity table of the read model within the batch's transaction: one
 * statement per call, whatever the number of entities. Stateless and thread-safe.
 */
abstract sealed class EntityRows permits AccountRows, ContractRows {

    private final String lockVersionsSql;
    private final String tombstoneSql;
    private final String upsertSql;
    private final Map<String, Function<EntityWrite, String>> upsertParameters;

    /**
     * @param upsertSql a multi-row upsert that unnests one text array per parameter
     * @param upsertParameters the array parameters of {@code upsertSql}: each entity's value, as text
     */
    EntityRows(String table, String idColumn, String upsertSql, Map<String, Function<EntityWrite, String>> upsertParameters) {
        lockVersionsSql = """
                SELECT %2$s AS id, version, deleted, event_id
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
        this.upsertSql = upsertSql;
        this.upsertParameters = new LinkedHashMap<>(upsertParameters);
    }

    /** Reads and locks the stored versions of the given entities; absent ones are not in the map. */
    Map<UUID, VersionKey> lockVersions(Handle handle, int generation, Collection<UUID> ids) {
        Map<UUID, VersionKey> versions = new HashMap<>();
        if (ids.isEmpty()) {
            return versions;
        }
        handle.createQuery(lockVersionsSql)
                .bind("generation", generation)
                .bindArray("ids", String.class, ids.stream().map(UUID::toString).toList())
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), new VersionKey(
                        rs.getBigDecimal("version").toBigIntegerExact(), rs.getBoolean("deleted"),
                        rs.getString("event_id"))))
                .forEach(entry -> versions.put(entry.getKey(), entry.getValue()));
        return versions;
    }

    /** Writes the final states; the version guard makes a write that lost a race a no-op. */
    int write(Handle handle, int generation, List<EntityWrite> writes) {
        if (writes.isEmpty()) {
            return 0;
        }
        Update upsert = handle.createUpdate(upsertSql).bind("generation", generation);
        upsertParameters.forEach((name, value) -> upsert.bindArray(name, String.class, writes.stream().map(value).toList()));
        return upsert.execute();
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

    /** The parameters every entity table has: id, organization, version, deleted flag and the winning event. */
    static Map<String, Function<EntityWrite, String>> commonParameters(String idParameter) {
        Map<String, Function<EntityWrite, String>> parameters = new LinkedHashMap<>();
        parameters.put(idParameter, write -> write.entityId().toString());
        parameters.put("org_ids", write -> write.source().metadata().orgId());
        parameters.put("versions", write -> write.version().toString());
        parameters.put("deleted", write -> String.valueOf(write.deleted()));
        parameters.put("event_ids", write -> write.source().metadata().id());
        parameters.put("event_times", write -> write.source().metadata().time().toString());
        return parameters;
    }

    /** A value of the entity's state as text, or null when the entity ends up deleted or the value is unknown. */
    static <S> Function<EntityWrite, String> stateValue(Function<EntityWrite, S> state, Function<S, Object> value) {
        return write -> {
            S snapshot = write.deleted() ? null : state.apply(write);
            Object result = snapshot == null ? null : value.apply(snapshot);
            return result == null ? null : result.toString();
        };
    }
}
