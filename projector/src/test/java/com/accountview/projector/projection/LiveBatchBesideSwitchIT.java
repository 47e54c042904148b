package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * A batch of the live generation and the switch that retires it, side by side on a real
 * PostgreSQL, the test handing the projections their batches itself.
 */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@RealInfrastructure
// it makes another generation live: the test classes after it get a context, and a database, of their own
@DirtiesContext
class LiveBatchBesideSwitchIT {

    /** A partition no other test of the context uses, so that the stored offsets are this test's own. */
    private static final int PARTITION = 2_000_001;

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

    /**
     * The switch holds the live generation's offsets while it waits for the rebuilt generation to
     * catch up; a live batch that comes meanwhile waits for them, and once the switch has committed
     * it must find its generation retired and write nothing. Until 2026-12-07 the batch's offsets
     * lock checked the generation's state in its own statement, whose snapshot was taken before it
     * waited: the batch went on and wrote into the retired generation, invisible to queries but
     * leaving its stored offsets ahead of the new live generation's.
     */
    @Test
    void aLiveBatchThatWaitedForTheSwitchWritesNothingToTheRetiredGeneration() throws Exception {
        int live = generations.live().orElseThrow().id();
        String org = "beside-switch-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        ProducerRecord<byte[], byte[]> firstEvent = TestEvents.account(first).org(org).sequence(1).externalId("first")
                .created().structured(topics.accounts());
        // the live generation has applied the partition's first record, the rebuilt one not yet: the switch waits for it
        projections.forGeneration(live, "switch-test").apply(AsConsumed.inPartition(PARTITION, List.of(firstEvent)));
        int rebuilt = generations.startBuilding(1, "LiveBatchBesideSwitchIT").id();
        caughtUpElsewhere(rebuilt, live);
        assertThat(generations.indexAndAttach(rebuilt)).isTrue();
        List<ConsumerRecord<byte[], byte[]>> liveBatch = AsConsumed.inPartition(PARTITION, List.of(firstEvent,
                TestEvents.account(late).org(org).sequence(1).externalId("late").created().structured(topics.accounts())));

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<GenerationSwitch.Outcome> switched = threads.submit(
                    () -> generationSwitch.trySwitch(live, rebuilt, Duration.ofSeconds(30)));
            await().atMost(Duration.ofSeconds(30)).until(() -> ranQuery("%consumer_offset rebuilt%"));
            Future<BatchResult> applied = threads.submit(() -> projections.forGeneration(live, "switch-test").apply(liveBatch));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitsForALock("INSERT INTO consumer_offset%"));

            // the rebuilt generation catches up, and the switch goes through
            projections.forGeneration(rebuilt, "switch-test-rebuild").apply(AsConsumed.inPartition(PARTITION, List.of(firstEvent)));

            assertThat(switched.get(30, TimeUnit.SECONDS)).isEqualTo(GenerationSwitch.Outcome.SWITCHED);
            assertThatThrownBy(() -> applied.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(GenerationEndedException.class);
            assertThat(storedOffset(live)).as("the retired generation's stored offset").isEqualTo(1);
            assertThat(accountIn(live, late)).as("the late account in the retired generation").isZero();
        } finally {
            threads.shutdownNow();
        }
    }

    /** The rebuilt generation as far as the live one in every partition but the test's: other tests of the context used them. */
    private void caughtUpElsewhere(int rebuilt, int live) {
        jdbc().update("""
                INSERT INTO accountview.consumer_offset (generation, topic, partition, next_offset)
                SELECT ?, topic, partition, next_offset FROM accountview.consumer_offset
                WHERE generation = ? AND NOT (topic = ? AND partition = ?)
                """, rebuilt, live, topics.accounts(), PARTITION);
    }

    /** A statement of the session's, running or the last one it ran (the switch sleeps between its checks). */
    private boolean ranQuery(String statement) {
        return jdbc().queryForObject("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND query LIKE ?",
                Integer.class, statement) > 0;
    }

    private boolean waitsForALock(String statement) {
        return jdbc().queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?",
                Integer.class, statement) > 0;
    }

    private long storedOffset(int generation) {
        return jdbc().queryForObject("SELECT next_offset FROM accountview.consumer_offset"
                + " WHERE generation = ? AND topic = ? AND partition = ?", Long.class, generation, topics.accounts(), PARTITION);
    }

    private long accountIn(int generation, UUID account) {
        return jdbc().queryForObject("SELECT count(*) FROM accountview.account WHERE generation = ? AND account_id = ?",
                Long.class, generation, account);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}
