package com.accountview.projector.support;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** Read-only looks at the read model, the way the rules talk about it. */
public final class ReadModel {

    private final JdbcTemplate jdbc;

    public ReadModel(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A stored row of the live generation, deleted or not. */
    public record Row(UUID id, String orgId, String externalId, String status, BigInteger version, boolean deleted,
                      UUID accountId) {
    }

    public Optional<Row> account(UUID id) {
        return jdbc.query("""
                SELECT account_id AS id, org_id, external_id, status, version, deleted, NULL::uuid AS account_id
                FROM accountview.account a JOIN accountview.live_generation g ON g.id = a.generation
                WHERE a.account_id = ?
                """, (rs, i) -> row(rs), id).stream().findFirst();
    }

    public Optional<Row> contract(UUID id) {
        return jdbc.query("""
                SELECT contract_id AS id, org_id, NULL AS external_id, status, version, deleted, account_id
                FROM accountview.contract c JOIN accountview.live_generation g ON g.id = c.generation
                WHERE c.contract_id = ?
                """, (rs, i) -> row(rs), id).stream().findFirst();
    }

    /** Every stored account of an organization, live or deleted, by id. */
    public Map<UUID, Row> accounts(String orgId) {
        Map<UUID, Row> rows = new java.util.HashMap<>();
        jdbc.query("""
                SELECT account_id AS id, org_id, external_id, status, version, deleted, NULL::uuid AS account_id
                FROM accountview.account a JOIN accountview.live_generation g ON g.id = a.generation
                WHERE a.org_id = ?
                """, rs -> {
            Row row = row(rs);
            rows.put(row.id(), row);
        }, orgId);
        return rows;
    }

    /** The live accounts that carry the external id in the organization: what the API resolves. */
    public List<UUID> accountsCarrying(String orgId, String externalId) {
        return jdbc.queryForList("""
                SELECT account_id FROM accountview.live_account WHERE org_id = ? AND external_id = ? ORDER BY account_id
                """, UUID.class, orgId, externalId);
    }

    /** The external id of every live account of an organization, by id, as the query side reads them ({@code live_account}). */
    public Map<UUID, String> liveAccounts(String orgId) {
        Map<UUID, String> accounts = new java.util.HashMap<>();
        jdbc.query("SELECT account_id, external_id FROM accountview.live_account WHERE org_id = ?", rs -> {
            accounts.put(rs.getObject("account_id", UUID.class), rs.getString("external_id"));
        }, orgId);
        return accounts;
    }

    /** The live contracts of an account. */
    public List<UUID> contractsOf(String orgId, UUID accountId) {
        return jdbc.queryForList("""
                SELECT contract_id FROM accountview.live_contract WHERE org_id = ? AND account_id = ? ORDER BY contract_id
                """, UUID.class, orgId, accountId);
    }

    /** Events applied from a topic, as counted exactly once with the stored offsets. */
    public long appliedFrom(String topic) {
        Long applied = jdbc.queryForObject(
                "SELECT coalesce(sum(applied), 0) FROM accountview.consumer_offset WHERE topic = ?", Long.class, topic);
        return applied == null ? 0 : applied;
    }

    /** Events applied from a topic into one generation, as counted exactly once with its stored offsets. */
    public long appliedFrom(int generation, String topic) {
        Long applied = jdbc.queryForObject("SELECT coalesce(sum(applied), 0) FROM accountview.consumer_offset"
                + " WHERE generation = ? AND topic = ?", Long.class, generation, topic);
        return applied == null ? 0 : applied;
    }

    /** Records consumed from a topic: the sum of its partitions' stored next offsets (its partitions begin at 0). */
    public long consumedFrom(String topic) {
        return storedOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records of a topic one generation consumed: the sum of its partitions' stored next offsets. */
    public long consumedFrom(int generation, String topic) {
        return storedOffsets(generation, topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The stored next offset of each partition of a topic. */
    public Map<Integer, Long> storedOffsets(String topic) {
        if (jdbc.queryForObject("SELECT to_regclass('accountview.consumer_offset') IS NULL", Boolean.class)) {
            return Map.of(); // the projector has not migrated this database yet
        }
        return offsets("SELECT partition, next_offset FROM accountview.consumer_offset WHERE topic = ?", topic);
    }

    /** The stored next offset of each partition of a topic in one generation. */
    public Map<Integer, Long> storedOffsets(int generation, String topic) {
        return offsets("SELECT partition, next_offset FROM accountview.consumer_offset WHERE generation = ? AND topic = ?",
                generation, topic);
    }

    private Map<Integer, Long> offsets(String sql, Object... arguments) {
        return jdbc.query(sql, rs -> {
            Map<Integer, Long> offsets = new java.util.HashMap<>();
            while (rs.next()) {
                offsets.put(rs.getInt(1), rs.getLong(2));
            }
            return offsets;
        }, arguments);
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("org_id"), rs.getString("external_id"),
                rs.getString("status"), rs.getBigDecimal("version").toBigIntegerExact(), rs.getBoolean("deleted"),
                rs.getObject("account_id", UUID.class));
    }
}
