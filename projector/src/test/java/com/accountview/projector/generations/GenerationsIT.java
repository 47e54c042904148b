package com.accountview.projector.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.accountview.testinfra.RealInfrastructure;

/** Dropping a generation's partitions finishes what an earlier drop left half done, on a real PostgreSQL. */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@RealInfrastructure
class GenerationsIT {

    @Autowired
    Generations generations;

    @Autowired
    DataSource dataSource;

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
