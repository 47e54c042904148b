package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.accountview.projector.TopicsProperties;
import com.accountview.projector.generations.Generations;
import com.accountview.testinfra.RealInfrastructure;
import com.accountview.testinfra.events.TestEvents;

/**
 * A rebuild's batch and the indexing that attaches the rebuilt generation's partitions, side by side
 * on a real PostgreSQL, the test handing the projection its batch itself.
 */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@RealInfrastructure
class RebuildBatchBesideAttachIT {

    @Autowired
    Projections projections;

    @Autowired
    Generations generations;

    @Autowired
    TopicsProperties topics;

    @Autowired
    DataSource dataSource;

    /**
     * The batch reads its accounts' stored versions, then its contracts'; the test holds it between
     * the two (it locks the contract partition), and the indexing meanwhile comes to the account
     * partition. Until 2026-12-06 the batch had only read that partition: the indexing built its
     * index and then waited to attach it for the read to end, while the batch waited to write its
     * accounts for the indexing to end, and PostgreSQL aborted one of them as a deadlock. The batch
     * now locks its partitions for writing before it reads them, and the indexing waits for it.
     */
    @Test
    void aRebuildBatchThatHasReadItsPartitionsBeforeTheyAreAttachedCommitsAndTheIndexingWaitsForIt() throws Exception {
        int id = generations.startBuilding(1, "RebuildBatchBesideAttachIT").id();
        String org = "attach-" + UUID.randomUUID().toString().substring(0, 8);
        UUID account = UUID.randomUUID();
        var batch = AsConsumed.inPartition(0, List.of(
                TestEvents.account(account).org(org).sequence(1).created().structured(topics.accounts()),
                TestEvents.contract(UUID.randomUUID()).account(account).org(org).sequence(1).created()
                        .structured(topics.contracts())));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE accountview.contract_g" + id + " IN ACCESS EXCLUSIVE MODE");
            Future<BatchResult> applied = threads.submit(() -> projections.forGeneration(id, "attach-test").apply(batch));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitsForALock("%contract_g" + id + "%"));
            Future<Boolean> indexed = threads.submit(() -> generations.indexAndAttach(id));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitsForALock("CREATE INDEX%")
                    || waitsForALock("ALTER TABLE%ATTACH PARTITION%"));

            holder.commit();

            assertThat(applied.get(30, TimeUnit.SECONDS).outcomes())
                    .extracting(RecordOutcome::outcome).containsOnly(EventOutcome.APPLIED).hasSize(2);
            assertThat(indexed.get(30, TimeUnit.SECONDS)).as("indexed and attached").isTrue();
        } finally {
            threads.shutdownNow();
            generations.cancel(id);
        }
    }

    private boolean waitsForALock(String statement) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM pg_stat_activity"
                + " WHERE wait_event_type = 'Lock' AND query LIKE ?", Integer.class, statement) > 0;
    }
}
