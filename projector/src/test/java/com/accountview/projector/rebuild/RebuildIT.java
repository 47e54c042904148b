package com.accountview.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.projector.support.Projections;
import com.accountview.projector.support.RandomHistory;
import com.accountview.projector.support.RebuildEndpoint;
import com.accountview.testinfra.events.TestEvent;

/**
 * A rebuild replays both topics into a new generation while the live one keeps serving and keeps
 * applying new events; once caught up it goes live in one step that never goes back in time, and
 * the retired generation's partitions are dropped after the grace period.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "accountview.rebuild.admin-token=" + RebuildIT.TOKEN,
        "accountview.rebuild.check-interval=300ms",
        "accountview.rebuild.retired-retention=3s",
        "accountview.rebuild.max-poll-records=200"})
class RebuildIT extends ProjectorContextTest {

    static final String TOKEN = "rebuild-it-token";

    @LocalServerPort
    int port;

    @Test
    void aRebuildReplaysIntoANewGenerationWhileTheLiveOneServesAndSwitchesWithoutGoingBackInTime() {
        RandomHistory before = RandomHistory.of(4242, "before-rebuild", 400, 4);
        RandomHistory during = RandomHistory.of(4243, "during-rebuild", 400, 4);
        before.delivery().forEach(event -> events.send(event.structured(topics.accounts())));
        await().atMost(Duration.ofSeconds(60)).until(() -> consumed(1) == before.delivery().size());
        RebuildEndpoint endpoint = new RebuildEndpoint(port, TOKEN);

        RebuildEndpoint.Answer started = endpoint.start("RebuildIT");

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.rebuildGeneration()).isEqualTo(2);
        assertThat(started.liveGeneration()).isEqualTo(1);
        // new events keep reaching the live generation while the rebuild replays from the beginning
        for (TestEvent event : during.delivery()) {
            events.send(event.structured(topics.accounts()));
        }
        int all = before.delivery().size() + during.delivery().size();
        await().atMost(Duration.ofSeconds(120)).until(() -> endpoint.status().liveGeneration() == 2);

        // at the switch, generation 2 had applied at least everything generation 1 had, in every partition
        Map<Integer, Long> retired = storedOffsets(1);
        Map<Integer, Long> rebuilt = storedOffsets(2);
        retired.forEach((partition, offset) -> assertThat(rebuilt.getOrDefault(partition, 0L))
                .as("partition %s", partition).isGreaterThanOrEqualTo(offset));
        // it went live with planner statistics of its own, not with guesses about never-analyzed tables
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc().queryForObject("SELECT count(*) FROM pg_stat_user_tables"
                + " WHERE relname IN ('account_g2', 'contract_g2') AND last_analyze IS NOT NULL", Long.class) == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> consumed(2) == all);
        Projections.assertMatches(readModel, "before-rebuild", before);
        Projections.assertMatches(readModel, "during-rebuild", during);
        assertThat(readModel.appliedFrom(2, topics.accounts())).isEqualTo(before.applied() + during.applied());
        // retired at the switch, and dropped once the grace period is over (which may be over already)
        assertThat(state(1)).isIn("RETIRED", "DROPPED");
        assertThat(endpoint.status().rebuildGeneration()).isZero();

        await().atMost(Duration.ofSeconds(30)).until(() -> "DROPPED".equals(state(1)));
        assertThat(jdbc().queryForObject("SELECT to_regclass('accountview.account_g1') IS NULL", Boolean.class)).isTrue();
        assertThat(jdbc().queryForObject("SELECT count(*) FROM accountview.consumer_offset WHERE generation = 1",
                Long.class)).isZero();
    }

    private long consumed(int generation) {
        return readModel.consumedFrom(generation, topics.accounts());
    }

    private Map<Integer, Long> storedOffsets(int generation) {
        return readModel.storedOffsets(generation, topics.accounts());
    }

    private String state(int generation) {
        return jdbc().queryForObject("SELECT state FROM accountview.generation WHERE id = ?", String.class, generation);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}
