package com.accountview.projector.properties;

import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read-only looks at everything the read model holds for some organizations, every column that
 * matters, through the tables of the live generation and through the live views the query side
 * reads; and at the stored offsets. Thread-safe.
 */
public final class StoredReadModel {

    private static final String ACCOUNTS = """
            SELECT a.account_id AS id, a.org_id, a.version, a.deleted, a.external_id, a.customer_id, a.status,
                   a.created_at, a.updated_at
            FROM accountview.account a JOIN accountview.live_generation g ON g.id = a.generation
            WHERE a.org_id = ANY(?)
            """;

    private static final String LIVE_ACCOUNTS = """
            SELECT account_id AS id, org_id, version, false AS deleted, external_id, customer_id, status,
                   created_at, updated_at
            FROM accountview.live_account
            WHERE org_id = ANY(?)
            """;

    private static final String CONTRACTS = """
            SELECT c.contract_id AS id, c.org_id, c.version, c.deleted, c.account_id, c.status, c.product_id,
                   c.product_name, c.start_date, c.end_date, c.created_at, c.updated_at
            FROM accountview.contract c JOIN accountview.live_generation g ON g.id = c.generation
            WHERE c.org_id = ANY(?)
            """;

    private static final String LIVE_CONTRACTS = """
            SELECT contract_id AS id, org_id, version, false AS deleted, account_id, status, product_id,
                   product_name, start_date, end_date, created_at, updated_at
            FROM accountview.live_contract
            WHERE org_id = ANY(?)
            """;

    private static final String OFFSETS = """
            SELECT o.topic, o.partition, o.next_offset, o.applied
            FROM accountview.consumer_offset o JOIN accountview.live_generation g ON g.id = o.generation
            WHERE o.topic = ANY(?)
            """;

    /** The stored position of one partition. */
    public record PartitionOffset(long nextOffset, long applied) {
    }

    private final JdbcTemplate jdbc;

    public StoredReadModel(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The stored accounts of the organizations, live and deleted. */
    public List<StoredEntity> accounts(List<String> orgs) {
        return jdbc.query(ACCOUNTS, (rs, i) -> account(rs), (Object) orgs.toArray(String[]::new));
    }

    /** What {@code live_account} shows of the organizations. */
    public List<StoredEntity> liveAccounts(List<String> orgs) {
        return jdbc.query(LIVE_ACCOUNTS, (rs, i) -> account(rs), (Object) orgs.toArray(String[]::new));
    }

    /** The stored contracts of the organizations, live and deleted. */
    public List<StoredEntity> contracts(List<String> orgs) {
        return jdbc.query(CONTRACTS, (rs, i) -> contract(rs), (Object) orgs.toArray(String[]::new));
    }

    /** What {@code live_contract} shows of the organizations. */
    public List<StoredEntity> liveContracts(List<String> orgs) {
        return jdbc.query(LIVE_CONTRACTS, (rs, i) -> contract(rs), (Object) orgs.toArray(String[]::new));
    }

    /** The stored offsets of every partition of the topics. */
    public Map<TopicPartition, PartitionOffset> offsets(String... topics) {
        Map<TopicPartition, PartitionOffset> offsets = new HashMap<>();
        jdbc.query(OFFSETS, rs -> {
            offsets.put(new TopicPartition(rs.getString("topic"), rs.getInt("partition")),
                    new PartitionOffset(rs.getLong("next_offset"), rs.getLong("applied")));
        }, (Object) topics);
        return offsets;
    }

    private static final EntityState NO_ACCOUNT = new EntityState.Account(null, null, null, null, null);
    private static final EntityState NO_CONTRACT = new EntityState.Contract(null, null, null, null, null, null, null, null);

    private static StoredEntity account(ResultSet rs) throws SQLException {
        return entity(rs, new EntityState.Account(rs.getString("external_id"), id(rs, "customer_id"),
                rs.getString("status"), instant(rs, "created_at"), instant(rs, "updated_at")), NO_ACCOUNT);
    }

    private static StoredEntity contract(ResultSet rs) throws SQLException {
        return entity(rs, new EntityState.Contract(id(rs, "account_id"), rs.getString("status"),
                rs.getString("product_id"), rs.getString("product_name"), instant(rs, "start_date"),
                instant(rs, "end_date"), instant(rs, "created_at"), instant(rs, "updated_at")), NO_CONTRACT);
    }

    /** A deleted row whose state columns are not all null shows what it kept, which no reference has. */
    private static StoredEntity entity(ResultSet rs, EntityState state, EntityState cleared) throws SQLException {
        UUID id = id(rs, "id");
        String org = rs.getString("org_id");
        BigInteger version = rs.getBigDecimal("version").toBigIntegerExact();
        if (rs.getBoolean("deleted")) {
            return new StoredEntity(id, org, version, true, state.equals(cleared) ? null : state);
        }
        return StoredEntity.live(id, org, version, state);
    }

    private static UUID id(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
