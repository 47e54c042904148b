package com.accountview.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.accountview.projector.support.EventStream;
import com.accountview.projector.support.OpenTransaction;
import com.accountview.projector.support.ProjectorProcess;
import com.accountview.projector.support.Projections;
import com.accountview.projector.support.RandomHistory;
import com.accountview.projector.support.ReadModel;
import com.accountview.projector.support.ReadModelWatch;
import com.accountview.projector.support.RebuildEndpoint;
import com.accountview.testinfra.DatabaseCoordinates;
import com.accountview.testinfra.ServiceJar;
import com.accountview.testinfra.TestInfrastructure;

/**
 * A rebuild survives its projector killed with SIGKILL in each of its phases, and restarted: in the
 * bulk phase, while its indexes are built or once they are and the switch is coming, and right
 * after the switch while the retired generation's partitions are being detached. Meanwhile new
 * events keep coming, for new accounts and newer versions of existing ones, so the live generation
 * keeps moving ahead of the rebuild.
 *
 * <p>Guaranteed, whatever the seed: the rebuilt generation goes live and serves exactly the
 * reference fold of every event published (through the views the query-api reads); its stored
 * applied counts equal the number of events the reference applies (nothing applied twice, nothing
 * lost, across all kills); the retired generation is dropped and no other generation keeps
 * partitions; no generation is left building; and, watched all along from the side, no account's
 * version ever went down or vanished (the switch did not go back in time) and no generation's stored
 * offsets ever went back (each restart resumed the rebuild where it was, not from zero).
 *
 * <p>The seed ({@value #DEFAULT_SEED}; another with {@code -Daccountview.test.rebuild-crash-seed=N})
 * chooses the history, the events published between the kills, how far into the bulk phase the
 * first kill lands, and which variant of the other two kills is made (see {@link KillPlan}). Each
 * kill waits for what the database shows, and the later ones are made certain by a lock the test
 * holds (a slow writer, a long query), so every run kills in the same phases; only the exact record
 * a kill lands on varies with timing.
 */
class RebuildCrashSafetyIT {

    private static final Logger log = LoggerFactory.getLogger(RebuildCrashSafetyIT.class);

    private static final long DEFAULT_SEED = 20261207L;
    private static final long SEED = Long.getLong("accountview.test.rebuild-crash-seed", DEFAULT_SEED);

    private static final String ORG = "rebuild-crash";
    private static final String TOKEN = "rebuild-crash-safety-token";
    private static final int FIRST_GENERATION = 1;
    private static final int ACCOUNTS = 1200;
    private static final int VERSIONS = 5;
    /** Longest wait for one step; a step takes seconds, a projector's start on a busy machine up to a minute. */
    private static final Duration STEP = Duration.ofSeconds(120);
    /** How often a kill point is looked for: the kill must land while the point lasts. */
    private static final Duration KILL_POLL = Duration.ofMillis(20);

    /** Server processes running a concurrent detach (of a projector: the test runs none). */
    private static final String DETACHING = """
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'
              AND query LIKE '%DETACH PARTITION%CONCURRENTLY%'
            """;

    /** Where the seed puts the kills. */
    record KillPlan(double bulkFraction, IndexingKill indexingKill, RetirementKill retirementKill) {

        static KillPlan from(SplittableRandom random) {
            return new KillPlan(0.2 + 0.35 * random.nextDouble(),
                    IndexingKill.values()[random.nextInt(IndexingKill.values().length)],
                    RetirementKill.values()[random.nextInt(RetirementKill.values().length)]);
        }
    }

    /** The second kill: when the rebuild has caught up and gets its indexes. */
    enum IndexingKill {
        /** While its indexes are being built, in the transaction that attaches them (held by a writer of its partition). */
        WHILE_INDEXES_ARE_BUILT,
        /** Once indexed and attached, while the switch waits for the live generation's offsets (held by the test). */
        INDEXED_BEFORE_THE_SWITCH
    }

    /** The third kill: right after the switch, while the retired generation's partition is detached concurrently. */
    enum RetirementKill {
        /** The killed projector's server process, waiting for a long query, then ends the detach by itself. */
        DETACH_ENDED_BY_ITS_SERVER_PROCESS,
        /** The connection of the killed projector is found lost while its detach waits: the detach stays pending. */
        DETACH_LEFT_PENDING
    }

    private final DatabaseCoordinates database = TestInfrastructure.newDatabase();
    private final String accounts = TestInfrastructure.uniqueName("rebuild-crash-accounts");
    private final String contracts = TestInfrastructure.uniqueName("rebuild-crash-contracts");
    private final String group = TestInfrastructure.uniqueName("rebuild-crash-group");
    // the test's polls share one connection: a new one each 20 ms would cost the busy machine a server process each
    private final SingleConnectionDataSource connection = new SingleConnectionDataSource(database.jdbcUrl(),
            database.username(), database.password(), true);
    private final JdbcTemplate jdbc = new JdbcTemplate(connection);
    private final ReadModel readModel = new ReadModel(connection);
    // not java.util.Random, whose first draws are nearly the same for small seeds (1, 2, 3...)
    private final SplittableRandom random = new SplittableRandom(SEED);

    private RandomHistory history;
    private long published;
    private ServiceJar projector;

    @AfterEach
    void stop() {
        if (projector != null) {
            projector.kill();
        }
        connection.destroy();
    }

    @Test
    void aRebuildKilledInEachPhaseResumesGoesLiveNeverBackInTimeAndDropsTheRetiredGeneration() throws Exception {
        KillPlan plan = KillPlan.from(random);
        log.info("Seed {}: {}", SEED, plan);
        createTopics();
        publish(RandomHistory.of(SEED, ORG, ACCOUNTS, VERSIONS));
        start();
        await().atMost(STEP).until(() -> consumed(FIRST_GENERATION) == published);

        try (ReadModelWatch watch = ReadModelWatch.start(database, ORG, Duration.ofMillis(100))) {
            int rebuilt = startRebuild();
            publishMore();

            killInTheBulkPhase(rebuilt, plan.bulkFraction());
            killWhenIndexed(rebuilt, plan.indexingKill());
            killWhileRetiring(rebuilt, plan.retirementKill());

            start();
            publishMore();
            awaitTheRetiredGenerationDropped(rebuilt);

            assertThat(watch.findings()).as("what went back in time or failed, seed %s, %s", SEED, plan).isEmpty();
            assertThat(watch.liveGenerationsSeen()).as("the watch saw both sides of the switch")
                    .contains(FIRST_GENERATION, rebuilt);
        }
        Projections.assertMatches(readModel, ORG, history);
        Projections.assertServes(readModel, ORG, history);
    }

    private int startRebuild() {
        RebuildEndpoint.Answer started = new RebuildEndpoint(projector.port(), TOKEN).start("RebuildCrashSafetyIT");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.liveGeneration()).isEqualTo(FIRST_GENERATION);
        return started.rebuildGeneration();
    }

    /** Kill 1: while the rebuild replays the bulk of the topics into partitions without secondary indexes. */
    private void killInTheBulkPhase(int rebuilt, double fraction) {
        long target = (long) (published * fraction);
        awaitKillPoint("the rebuild past record " + target, () -> consumed(rebuilt) >= target);
        kill();

        assertThat(generation(rebuilt)).as("killed in the bulk phase").isEqualTo(new GenerationRow("BUILDING", false));
        assertThat(consumed(rebuilt)).isLessThan(published);
    }

    /**
     * Kill 2: once the rebuild has caught up (lags by at most {@code switch-max-lag}), the
     * supervision builds its indexes and attaches its partitions in one transaction, then tries
     * the switch. Either the index build or the switch is held by a lock of the test's own, so the
     * kill lands there for certain.
     */
    private void killWhenIndexed(int rebuilt, IndexingKill when) throws Exception {
        boolean indexed = when == IndexingKill.INDEXED_BEFORE_THE_SWITCH;
        // a writer of the new partition holds its index build back (CREATE INDEX waits for writers);
        // a reader of the live generation's offsets the switch, which locks them first (FOR UPDATE),
        // while the live projection's batches, which lock them FOR NO KEY UPDATE, go on
        String hold = indexed
                ? "SELECT 1 FROM accountview.consumer_offset WHERE generation = " + FIRST_GENERATION + " FOR KEY SHARE"
                : "LOCK TABLE accountview." + partition("account", rebuilt) + " IN ROW EXCLUSIVE MODE";
        try (OpenTransaction held = OpenTransaction.holding(database.dataSource(), hold)) {
            start();
            publishMore();
            awaitKillPoint(indexed ? "generation indexed" : "its index build waiting",
                    () -> indexed ? generation(rebuilt).indexed() : indexBuildWaits(rebuilt));
            kill();
        }

        assertThat(generation(rebuilt)).as("killed %s", when).isEqualTo(new GenerationRow("BUILDING", indexed));
        assertThat(attachedPartitions(rebuilt)).as("attached partitions").isEqualTo(indexed ? 2 : 0);
    }

    /**
     * Kill 3: right after the switch, the supervision drops the retired generation's partitions,
     * detaching each concurrently first; a long query of the live view holds the first detach
     * between its two transactions (pending), where the kill lands. The killed projector's server
     * process then either ends the detach by itself once the query is over, or is gone (the
     * connection found lost) and leaves it pending: the next start must finish it either way.
     */
    private void killWhileRetiring(int rebuilt, RetirementKill how) throws Exception {
        String retired = partition("account", FIRST_GENERATION);
        try (OpenTransaction longQuery = OpenTransaction.holding(database.dataSource(),
                "SELECT count(*) FROM accountview.live_account")) {
            start();
            publishMore();
            await("the switch").atMost(STEP).until(() -> liveGeneration() == rebuilt);
            awaitKillPoint("the detach of " + retired + " pending", () -> detachPending(retired));
            kill();
            assertThatTheSwitchWasNotBehind(rebuilt);
            if (how == RetirementKill.DETACH_LEFT_PENDING) {
                assertThat(terminateDetach()).as("server processes of the killed projector's detach ended").isOne();
            }
        }
        await("the killed projector's detach over").atMost(STEP).until(() -> !detachRunning());

        assertThat(generation(FIRST_GENERATION)).as("killed while retiring").isEqualTo(new GenerationRow("RETIRED", false));
        assertThat(detachPending(retired)).as("detach pending, %s", how).isEqualTo(how == RetirementKill.DETACH_LEFT_PENDING);
    }

    /** The retired generation's offsets stopped at the switch: the new one had applied at least as much everywhere. */
    private void assertThatTheSwitchWasNotBehind(int rebuilt) {
        Map<Integer, Long> retired = readModel.storedOffsets(FIRST_GENERATION, accounts);
        Map<Integer, Long> live = readModel.storedOffsets(rebuilt, accounts);
        retired.forEach((partition, offset) -> assertThat(live.getOrDefault(partition, 0L))
                .as("partition %s of the generation that went live", partition).isGreaterThanOrEqualTo(offset));
    }

    private void awaitTheRetiredGenerationDropped(int rebuilt) {
        await("everything consumed").atMost(STEP).until(() -> consumed(rebuilt) == published);
        await("the retired generation dropped").atMost(STEP)
                .until(() -> generation(FIRST_GENERATION).state().equals("DROPPED"));
        await("only the live generation's partitions").atMost(STEP)
                .until(() -> generationPartitions().equals(List.of(partition("account", rebuilt), partition("contract", rebuilt))));

        assertThat(liveGeneration()).isEqualTo(rebuilt);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM accountview.generation WHERE state = 'BUILDING'", Long.class))
                .as("generations left building").isZero();
        assertThat(readModel.storedOffsets(FIRST_GENERATION, accounts)).as("offsets of the dropped generation").isEmpty();
        assertThat(readModel.appliedFrom(rebuilt, accounts)).as("events applied to the rebuilt generation")
                .isEqualTo(history.applied());
    }

    // --- the projector, the topics, the events

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(ProjectorProcess.environment(database, accounts, contracts, group));
        environment.put("ACCOUNTVIEW_REBUILD_ADMIN_TOKEN", TOKEN);
        environment.put("ACCOUNTVIEW_REBUILD_CHECK_INTERVAL", "300ms");
        // small batches make the rebuild last long enough for a kill in its bulk phase
        environment.put("ACCOUNTVIEW_REBUILD_MAX_POLL_RECORDS", "10");
        // the retired generation is dropped right after the switch, where the third kill is
        environment.put("ACCOUNTVIEW_REBUILD_RETIRED_RETENTION", "1s");
        // the first generation's projection is not under test: it may as well be quick
        environment.put("SPRING_KAFKA_CONSUMER_MAX_POLL_RECORDS", "200");
        return environment;
    }

    private void start() {
        projector = ProjectorProcess.start(environment()).awaitLive(ProjectorProcess.STARTUP);
    }

    private void kill() {
        projector.kill();
        projector = null;
    }

    private void awaitKillPoint(String point, Callable<Boolean> reached) {
        await(point).atMost(STEP).pollInterval(KILL_POLL).until(reached);
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(accounts, 4, (short) 1), new NewTopic(contracts, 4, (short) 1)))
                    .all().get();
        }
    }

    /** Some new accounts and newer versions of some existing ones, as many as the seed says. */
    private void publishMore() {
        publish(history.continued(random.nextLong(), 20 + random.nextInt(40), 40 + random.nextInt(80), 3));
    }

    private void publish(RandomHistory events) {
        try (EventStream stream = new EventStream(TestInfrastructure.kafkaBootstrapServers(), readModel)) {
            stream.publishAll(events.delivery().stream().map(event -> event.structured(accounts)).toList());
        }
        history = events;
        published += events.delivery().size();
    }

    // --- what the database shows

    private record GenerationRow(String state, boolean indexed) {
    }

    private GenerationRow generation(int id) {
        return jdbc.queryForObject("SELECT state, indexed_at IS NOT NULL AS indexed FROM accountview.generation WHERE id = ?",
                (rs, i) -> new GenerationRow(rs.getString("state"), rs.getBoolean("indexed")), id);
    }

    private int liveGeneration() {
        return jdbc.queryForObject("SELECT id FROM accountview.live_generation", Integer.class);
    }

    /** Records of the accounts topic the generation consumed, by its stored offsets (the topic begins at 0). */
    private long consumed(int generation) {
        return readModel.consumedFrom(generation, accounts);
    }

    private static String partition(String table, int generation) {
        return table + "_g" + generation;
    }

    /** The tables of the schema that are some generation's partition, attached or not, by name. */
    private List<String> generationPartitions() {
        return jdbc.queryForList("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'accountview' AND c.relkind = 'r' AND c.relname ~ '^(account|contract)_g[0-9]+$'
                ORDER BY c.relname
                """, String.class);
    }

    private long attachedPartitions(int generation) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_inherits WHERE inhrelid IN (to_regclass(?), to_regclass(?))",
                Long.class, "accountview." + partition("account", generation), "accountview." + partition("contract", generation));
    }

    /** An index build of the generation's account partition waits for its lock (SHARE, which writers hold back). */
    private boolean indexBuildWaits(int generation) {
        return jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM pg_locks
                               WHERE database = (SELECT oid FROM pg_database WHERE datname = current_database())
                                 AND relation = to_regclass(?) AND mode = 'ShareLock' AND NOT granted)
                """, Boolean.class, "accountview." + partition("account", generation));
    }

    private boolean detachPending(String partition) {
        return jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass(?) AND inhdetachpending)",
                Boolean.class, "accountview." + partition);
    }

    private boolean detachRunning() {
        return jdbc.queryForObject("SELECT count(*) " + DETACHING, Long.class) > 0;
    }

    /** Ends the server processes still running a concurrent detach, as a lost connection would; returns how many. */
    private long terminateDetach() {
        return jdbc.queryForObject("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) " + DETACHING, Long.class);
    }
}
