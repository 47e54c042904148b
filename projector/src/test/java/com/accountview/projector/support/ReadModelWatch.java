package com.accountview.projector.support;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.accountview.testinfra.DatabaseCoordinates;

/**
 * Watches a read model from the side, on a connection and a thread of its own, while a test kills
 * and restarts projectors, and notes whatever goes back in time:
 * <ul>
 *   <li>an organization's accounts as a query of the live generation sees them (one statement, one
 *       snapshot, the live generation resolved inside it as the {@code live_*} views do): an
 *       account's version only grows, and an account once seen never vanishes (a delete leaves its
 *       row), across generations too; a switch that went live behind the old generation shows here;</li>
 *   <li>every generation's stored offsets and applied counts: they only grow, since a projector
 *       resumes from them (a rebuild restarted from zero shows here), until the generation's rows
 *       are deleted with it.</li>
 * </ul>
 * A query that fails is noted too: the query side would have failed the same way. Thread-safe.
 */
public final class ReadModelWatch implements AutoCloseable {

    /** At most this many findings are kept: the first ones tell the story. */
    private static final int KEPT = 20;

    private static final String LIVE_ACCOUNTS = """
            SELECT g.id AS generation, a.account_id, a.version
            FROM accountview.account a JOIN accountview.live_generation g ON g.id = a.generation
            WHERE a.org_id = ?
            """;

    private static final String STORED_OFFSETS = """
            SELECT generation, topic, partition, next_offset, applied FROM accountview.consumer_offset
            """;

    private record Position(int generation, String topic, int partition) {
    }

    private record Stored(long nextOffset, long applied) {
    }

    private final SingleConnectionDataSource connection;
    private final JdbcTemplate jdbc;
    private final String org;
    private final ScheduledExecutorService sampler;
    private final List<String> findings = new CopyOnWriteArrayList<>();
    private final Set<Integer> liveGenerationsSeen = ConcurrentHashMap.newKeySet();
    // confined to the sampler's thread
    private Map<UUID, BigInteger> versions = Map.of();
    private Map<Position, Stored> offsets = Map.of();

    private ReadModelWatch(DatabaseCoordinates database, String org, Duration interval) {
        this.connection = new SingleConnectionDataSource(database.jdbcUrl(), database.username(), database.password(), true);
        this.jdbc = new JdbcTemplate(connection);
        this.org = org;
        this.sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "read-model-watch");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts watching the organization's accounts and every generation's stored offsets, every {@code interval}. */
    public static ReadModelWatch start(DatabaseCoordinates database, String org, Duration interval) {
        return new ReadModelWatch(database, org, interval);
    }

    /** What went back in time, or failed, so far (the first {@value #KEPT}); empty if nothing did. */
    public List<String> findings() {
        return List.copyOf(findings);
    }

    /** The generations the watch saw live. */
    public Set<Integer> liveGenerationsSeen() {
        return Set.copyOf(liveGenerationsSeen);
    }

    private void sample() {
        try {
            sampleLiveAccounts();
            sampleStoredOffsets();
        } catch (RuntimeException e) {
            note("a query failed: " + e);
        }
    }

    private void sampleLiveAccounts() {
        Map<UUID, BigInteger> now = new HashMap<>();
        jdbc.query(LIVE_ACCOUNTS, rs -> {
            liveGenerationsSeen.add(rs.getInt("generation"));
            now.put(rs.getObject("account_id", UUID.class), rs.getBigDecimal("version").toBigIntegerExact());
        }, org);
        versions.forEach((account, before) -> {
            BigInteger version = now.get(account);
            if (version == null || version.compareTo(before) < 0) {
                note("account " + account + " was at version " + before + ", then " + (version == null ? "gone" : version));
            }
        });
        versions = now;
    }

    private void sampleStoredOffsets() {
        Map<Position, Stored> now = new HashMap<>();
        jdbc.query(STORED_OFFSETS, rs -> {
            now.put(new Position(rs.getInt("generation"), rs.getString("topic"), rs.getInt("partition")),
                    new Stored(rs.getLong("next_offset"), rs.getLong("applied")));
        });
        offsets.forEach((position, before) -> {
            Stored stored = now.get(position);
            if (stored != null && (stored.nextOffset() < before.nextOffset() || stored.applied() < before.applied())) {
                note(position + " went back from " + before + " to " + stored);
            }
        });
        offsets = now;
    }

    private void note(String finding) {
        if (findings.size() < KEPT) {
            findings.add(finding);
        }
    }

    /** Stops watching (waiting for a sample in progress) and closes the connection. */
    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        sampler.awaitTermination(10, TimeUnit.SECONDS);
        connection.destroy();
    }
}
