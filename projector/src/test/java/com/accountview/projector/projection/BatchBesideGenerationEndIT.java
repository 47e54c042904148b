package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import com.accountview.projector.TopicsProperties;
import com.accountview.projector.generations.GenerationSwitch;
import com.accountview.projector.generations.Generations;
import com.accountview.projector.offsets.GenerationEndedException;
import com.accountview.testinfra.RealInfrastructure;
import com.accountview.testinfra.events.TestEvents;

/**
 * A batch and the transaction that ends its generation (the switch that retires the live one, a
 * cancel) side by side on a real PostgreSQL, the test handing the projections their batches and
 * holding the locks that order the two. Each test uses partitions of its own, so that the stored
 * offsets it checks are its own.
 */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@RealInfrastructure
// it makes other generations live: the test classes after it get a context, and a database, of their own
@DirtiesContext
class BatchBesideGenerationEndIT {

    @Autowired
    Projections projections;

    @Autowired
    Generations generations;

    @Autowired
    GenerationSwitch generationSwitch;

    @Autowired
    TopicsProperties topics;

    @Autowired
    DataSource dataSource;

    private ExecutorService threads;
    private String org;

    @BeforeEach
    void startThreads() {
        threads = Executors.newFixedThreadPool(2);
        org = "beside-end-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * The switch holds the live generation while it waits for the rebuilt generation to catch up; a
     * live batch that comes meanwhile waits, and once the switch has committed it must find its
     * generation retired and write nothing. Until 2026-12-07 the batch's offsets lock checked the
     * generation's state in its own statement, whose snapshot was taken before it waited: the batch
     * went on and wrote into the retired generation, invisible to queries but leaving its stored
     * offsets ahead of the new live generation's.
     */
    @Test
    void aLiveBatchThatWaitedForTheSwitchWritesNothingToTheRetiredGeneration() throws Exception {
        int partition = 2_000_001;
        int live = generations.live().orElseThrow().id();
        ProducerRecord<byte[], byte[]> firstEvent = created(UUID.randomUUID(), "first");
        UUID late = UUID.randomUUID();
        int rebuilt = rebuildBehindIn(partition, firstEvent);
        List<ConsumerRecord<byte[], byte[]>> liveBatch = AsConsumed.inPartition(partition,
                List.of(firstEvent, created(late, "late")));

        Future<GenerationSwitch.Outcome> switched = threads.submit(
                () -> generationSwitch.trySwitch(live, rebuilt, Duration.ofSeconds(30)));
        await().atMost(Duration.ofSeconds(30)).until(() -> ranQuery("%consumer_offset rebuilt%"));
        Future<BatchResult> applied = threads.submit(() -> projections.forGeneration(live, "switch-test").apply(liveBatch));
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock() == 1);

        // the rebuilt generation catches up, and the switch goes through
        projections.forGeneration(rebuilt, "switch-test-rebuild").apply(AsConsumed.inPartition(partition, List.of(firstEvent)));

        assertThat(switched.get(30, TimeUnit.SECONDS)).isEqualTo(GenerationSwitch.Outcome.SWITCHED);
        assertThatThrownBy(() -> applied.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(GenerationEndedException.class);
        assertThat(storedOffsets(live, partition)).as("the retired generation's stored offset").containsExactly(1L);
        assertThat(accountIn(live, late)).as("the late account in the retired generation").isZero();
    }

    /**
     * The same, for a batch that brings the first records of a partition the live generation has no
     * stored offset for yet: it inserts that row, which the switch, holding the rows there were,
     * could not hold. Until 2026-12-07 such a batch passed its checks while the switch waited, and
     * committed into the retired generation after the switch had found the new one caught up: the
     * new live generation lacked what the old one had shown, until its pipeline applied it (here
     * held until the switch is over, at the batch's lock of the live generation's tables).
     */
    @Test
    void aLiveBatchStoringAPartitionsFirstOffsetBesideTheSwitchWritesNothingToTheRetiredGeneration() throws Exception {
        int behindIn = 2_000_002;
        int newPartition = 2_000_003;
        int live = generations.live().orElseThrow().id();
        ProducerRecord<byte[], byte[]> firstEvent = created(UUID.randomUUID(), "first");
        UUID early = UUID.randomUUID();
        int rebuilt = rebuildBehindIn(behindIn, firstEvent);

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("LOCK TABLE accountview.account_g" + live + " IN SHARE MODE");
            }
            Future<GenerationSwitch.Outcome> switched = threads.submit(
                    () -> generationSwitch.trySwitch(live, rebuilt, Duration.ofSeconds(30)));
            await().atMost(Duration.ofSeconds(30)).until(() -> ranQuery("%consumer_offset rebuilt%"));
            Future<BatchResult> applied = threads.submit(() -> projections.forGeneration(live, "switch-test")
                    .apply(AsConsumed.inPartition(newPartition, List.of(created(early, "early")))));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock() == 1);

            projections.forGeneration(rebuilt, "switch-test-rebuild").apply(AsConsumed.inPartition(behindIn, List.of(firstEvent)));

            assertThat(switched.get(30, TimeUnit.SECONDS)).isEqualTo(GenerationSwitch.Outcome.SWITCHED);
            holder.rollback();
            assertThatThrownBy(() -> applied.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(GenerationEndedException.class);
        }
        assertThat(storedOffsets(live, newPartition)).as("the retired generation's stored offsets of the new partition").isEmpty();
        assertThat(accountIn(live, early)).as("the early account in the retired generation").isZero();
    }

    /**
     * A cancel deletes the rebuild's stored offsets; a batch of the rebuild that waited for them must
     * then find the generation cancelled, and store nothing: no one would delete such a row again.
     * Here the cancel is held after it deleted the batch's partition's row, at the row of another
     * partition that the test holds.
     */
    @Test
    void aRebuildBatchThatWaitedForACancelStoresNoOffsetsOfTheCancelledGeneration() throws Exception {
        int batchPartition = 2_000_004;
        int heldPartition = 2_000_005;
        int rebuilding = generations.startBuilding(1, "BatchBesideGenerationEndIT").id();
        // the batch's row first, so that the cancel's delete comes to it before the held one, in either scan
        jdbc().update("INSERT INTO accountview.consumer_offset (generation, topic, partition, next_offset) VALUES (?, ?, ?, 0)",
                rebuilding, topics.accounts(), batchPartition);
        jdbc().update("INSERT INTO accountview.consumer_offset (generation, topic, partition, next_offset) VALUES (?, ?, ?, 0)",
                rebuilding, topics.accounts(), heldPartition);

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("SELECT 1 FROM accountview.consumer_offset WHERE generation = " + rebuilding
                        + " AND partition = " + heldPartition + " FOR UPDATE");
            }
            Future<Boolean> cancelled = threads.submit(() -> generations.cancel(rebuilding));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock() == 1);
            Future<BatchResult> applied = threads.submit(() -> projections.forGeneration(rebuilding, "cancel-test")
                    .apply(AsConsumed.inPartition(batchPartition, List.of(created(UUID.randomUUID(), "rebuilt")))));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock() == 2);
            holder.rollback();

            assertThat(cancelled.get(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> applied.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(GenerationEndedException.class);
        }
        assertThat(jdbc().queryForObject("SELECT count(*) FROM accountview.consumer_offset WHERE generation = ?",
                Integer.class, rebuilding)).as("stored offsets of the cancelled generation").isZero();
    }

    /**
     * Starts a rebuild that is as far as the live generation in every partition but {@code partition},
     * whose first record only the live generation has applied: a switch waits for it there.
     */
    private int rebuildBehindIn(int partition, ProducerRecord<byte[], byte[]> firstEvent) {
        int live = generations.live().orElseThrow().id();
        projections.forGeneration(live, "switch-test").apply(AsConsumed.inPartition(partition, List.of(firstEvent)));
        int rebuilt = generations.startBuilding(1, "BatchBesideGenerationEndIT").id();
        // other tests of the context used the other partitions
        jdbc().update("""
                INSERT INTO accountview.consumer_offset (generation, topic, partition, next_offset)
                SELECT ?, topic, partition, next_offset FROM accountview.consumer_offset
                WHERE generation = ? AND NOT (topic = ? AND partition = ?)
                """, rebuilt, live, topics.accounts(), partition);
        assertThat(generations.indexAndAttach(rebuilt)).isTrue();
        return rebuilt;
    }

    private ProducerRecord<byte[], byte[]> created(UUID account, String externalId) {
        return TestEvents.account(account).org(org).sequence(1).externalId(externalId).created().structured(topics.accounts());
    }

    /** A statement of the session's, running or the last one it ran (the switch sleeps between its checks). */
    private boolean ranQuery(String statement) {
        return jdbc().queryForObject("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                + " AND datname = current_database() AND query LIKE ?", Integer.class, statement) > 0;
    }

    /** Sessions of this test's database waiting for a lock (the server is shared with other test contexts). */
    private int waitingForALock() {
        return jdbc().queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND datname = current_database()", Integer.class);
    }

    private List<Long> storedOffsets(int generation, int partition) {
        return jdbc().queryForList("SELECT next_offset FROM accountview.consumer_offset"
                + " WHERE generation = ? AND topic = ? AND partition = ?", Long.class, generation, topics.accounts(), partition);
    }

    private long accountIn(int generation, UUID account) {
        return jdbc().queryForObject("SELECT count(*) FROM accountview.account WHERE generation = ? AND account_id = ?",
                Long.class, generation, account);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}
