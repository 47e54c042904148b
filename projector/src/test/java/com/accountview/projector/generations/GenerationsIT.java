package com.accountview.projector.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.accountview.projector.offsets.PartitionProgress;
import com.accountview.projector.offsets.StoredOffsets;
import com.accountview.testinfra.RealInfrastructure;

/**
 * Indexing a rebuilt generation beside its batches, and dropping a generation's partitions (which finishes
 * what an earlier drop left half done), on a real PostgreSQL.
 */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@RealInfrastructure
class GenerationsIT {

    @Autowired
    Generations generations;

    @Autowired
    DataSource dataSource;

    @Autowired
    Jdbi jdbi;

    @Autowired
    StoredOffsets storedOffsets;

    @Test
    void aConcurrentDetachCutShortIsFinalizedByTheNextDrop() throws Exception {
        int id = generations.startBuilding(1, "GenerationsIT").id();
        assertThat(generations.indexAndAttach(id)).isTrue();
        leaveDetachPending(id);

        assertThat(generations.cancel(id)).isTrue();

        assertThat(partitionsOf(id)).isZero();
    }

    @Test
    void aDetachLeftPendingOfOneGenerationDoesNotBlockTheDropOfAnother() throws Exception {
        int cutShort = generations.startBuilding(1, "GenerationsIT").id();
        assertThat(generations.indexAndAttach(cutShort)).isTrue();
        leaveDetachPending(cutShort);
        // as a cancel cut short in its drop leaves it
        jdbc().update("UPDATE accountview.generation SET state = 'CANCELLED', ended_at = now() WHERE id = ?", cutShort);
        int next = generations.startBuilding(1, "GenerationsIT").id();
        assertThat(generations.indexAndAttach(next)).isTrue();

        assertThat(generations.cancel(next)).isTrue();
        generations.dropRetired(Duration.ofMinutes(10));

        assertThat(partitionsOf(next)).isZero();
        assertThat(partitionsOf(cutShort)).isZero();
    }

    @Test
    void theDropOfACancelledRebuildThatFailedIsDoneWithTheRetiredGenerations() {
        int id = generations.startBuilding(1, "GenerationsIT").id();
        // as a cancel whose drop never ran (its instance stopped, its connection was lost) leaves it
        jdbc().update("UPDATE accountview.generation SET state = 'CANCELLED', ended_at = now() WHERE id = ?", id);
        assertThat(partitionsOf(id)).isEqualTo(2);

        generations.dropRetired(Duration.ofMinutes(10));

        assertThat(partitionsOf(id)).isZero();
    }

    /**
     * The rebuild's batch holds its contract partition when the indexing, holding the generation's row,
     * comes to build that partition's index and waits for the batch; the batch then records its progress,
     * whose foreign key checks that same row. Until 2026-12-06 the indexing locked the row FOR UPDATE,
     * which that check waits for: PostgreSQL aborted one side as a deadlock, again with every batch, so
     * under steady live traffic a rebuild could wait minutes to be indexed and go live.
     */
    @Test
    void aRebuildBatchInFlightWhileItsPartitionIsIndexedCommitsAndTheIndexingWaitsForIt() throws Exception {
        int id = generations.startBuilding(1, "GenerationsIT").id();
        TopicPartition partition = new TopicPartition("indexing-contracts", 0);
        // the partition's row exists, as after the rebuild's first batch
        jdbi.useTransaction(handle -> storedOffsets.lock(handle, id, List.of(partition)));
        ExecutorService indexer = Executors.newSingleThreadExecutor();
        try (Handle batch = jdbi.open()) {
            batch.begin();
            storedOffsets.lock(batch, id, List.of(partition));
            // the lock that writing the batch's contracts takes
            batch.execute("LOCK TABLE accountview.contract_g" + id + " IN ROW EXCLUSIVE MODE");
            Future<Boolean> indexing = indexer.submit(() -> generations.indexAndAttach(id));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitsForALock("CREATE INDEX%contract_g" + id + "%"));

            storedOffsets.advance(batch, id, Map.of(partition, new PartitionProgress(1, 1)));
            batch.commit();

            assertThat(indexing.get(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            indexer.shutdownNow();
            generations.cancel(id);
        }
    }

    private boolean waitsForALock(String statement) {
        return jdbc().queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?",
                Integer.class, statement) > 0;
    }

    /** Cuts a concurrent detach of the generation's account partition short, as a crash in its wait would. */
    private void leaveDetachPending(int generation) throws SQLException {
        try (Connection reader = dataSource.getConnection(); Connection detacher = dataSource.getConnection()) {
            // a query of the live generation in flight: the concurrent detach waits for it
            reader.setAutoCommit(false);
            reader.createStatement().executeQuery("SELECT count(*) FROM accountview.account").close();
            try (Statement detach = detacher.createStatement()) {
                detach.execute("SET statement_timeout = '1s'");
                try {
                    assertThatThrownBy(() -> detach.execute("ALTER TABLE accountview.account DETACH PARTITION"
                            + " accountview.account_g" + generation + " CONCURRENTLY")).isInstanceOf(SQLException.class);
                } finally {
                    // the connection goes back to the pool the other tests of the context share
                    detach.execute("RESET statement_timeout");
                }
            }
            reader.commit();
        }
        assertThat(jdbc().queryForObject("SELECT inhdetachpending FROM pg_inherits WHERE inhrelid = to_regclass(?)",
                Boolean.class, "accountview.account_g" + generation)).as("left pending").isTrue();
    }

    private int partitionsOf(int generation) {
        return jdbc().queryForObject("SELECT (to_regclass(?) IS NOT NULL)::int + (to_regclass(?) IS NOT NULL)::int",
                Integer.class, "accountview.account_g" + generation, "accountview.contract_g" + generation);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}
