package com.accountview.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.accountview.projector.ingestion.Pipelines;
import com.accountview.projector.support.ConsumerGroups;
import com.accountview.projector.support.EventStream;
import com.accountview.projector.support.ProjectorProcess;
import com.accountview.projector.support.Projections;
import com.accountview.projector.support.RandomHistory;
import com.accountview.projector.support.ReadModel;
import com.accountview.projector.support.RebuildEndpoint;
import com.accountview.testinfra.DatabaseCoordinates;
import com.accountview.testinfra.ServiceJar;
import com.accountview.testinfra.TestInfrastructure;

/**
 * A rebuild is shared by the projector instances like the live projection is (a consumer group of
 * its generation's own), and survives an instance killed with SIGKILL in the middle of it: the
 * restarted instance resumes from the rebuild's stored offsets, and every event is applied to the
 * new generation exactly once.
 */
class RebuildAcrossInstancesIT {

    /**
     * One consumer thread per instance, not the default two: the kill must land in the middle of the
     * rebuild, and with four members the group took longer to settle than the rebuild took.
     */
    private static final int THREADS_PER_INSTANCE = 1;

    private static final String TOKEN = "across-instances-token";

    @Test
    void twoInstancesShareARebuildWhichSurvivesOneOfThemKilledMidway() throws Exception {
        DatabaseCoordinates database = TestInfrastructure.newDatabase();
        String accounts = TestInfrastructure.uniqueName("rebuild-accounts");
        String contracts = TestInfrastructure.uniqueName("rebuild-contracts");
        String group = TestInfrastructure.uniqueName("rebuild-group");
        ReadModel readModel = new ReadModel(database.dataSource());
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        Map<String, String> environment = new HashMap<>(ProjectorProcess.environment(database, accounts, contracts, group));
        environment.put("SPRING_KAFKA_LISTENER_CONCURRENCY", String.valueOf(THREADS_PER_INSTANCE));
        environment.put("ACCOUNTVIEW_REBUILD_ADMIN_TOKEN", TOKEN);
        environment.put("ACCOUNTVIEW_REBUILD_CHECK_INTERVAL", "500ms");
        // small batches keep the rebuild going long enough to kill an instance in its middle: with 50
        // records, a quiet machine had rebuilt all 31,500 by the time of the kill
        environment.put("ACCOUNTVIEW_REBUILD_MAX_POLL_RECORDS", "10");
        RandomHistory history = RandomHistory.of(31, "across", 6000, 5);
        int total = history.delivery().size();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(accounts, 4, (short) 1), new NewTopic(contracts, 4, (short) 1)))
                    .all().get();
            try (EventStream stream = new EventStream(TestInfrastructure.kafkaBootstrapServers(), readModel)) {
                stream.publishAll(history.delivery().stream().map(event -> event.structured(accounts)).toList());
            }
            ServiceJar first = ProjectorProcess.start(environment);
            ServiceJar second = ProjectorProcess.start(environment);
            ServiceJar restarted = null;
            try {
                first.awaitLive(ProjectorProcess.STARTUP);
                second.awaitLive(ProjectorProcess.STARTUP);
                await().atMost(Duration.ofSeconds(120)).until(() -> consumed(jdbc, 1, accounts) == total);

                RebuildEndpoint.Answer started = new RebuildEndpoint(first.port(), TOKEN).start("two instances");
                assertThat(started.status()).isEqualTo(202);
                int rebuilt = started.rebuildGeneration();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> ConsumerGroups.everyMemberOwnsPartitions(admin, Pipelines.groupOf(group, rebuilt), 2 * THREADS_PER_INSTANCE));
                await().atMost(Duration.ofSeconds(60)).until(() -> consumed(jdbc, rebuilt, accounts) > total / 10);

                second.kill();
                assertThat(consumed(jdbc, rebuilt, accounts)).as("killed in the middle of the rebuild").isLessThan(total);
                restarted = ProjectorProcess.start(environment).awaitLive(ProjectorProcess.STARTUP);

                await().atMost(Duration.ofSeconds(180))
                        .until(() -> new RebuildEndpoint(first.port(), TOKEN).status().liveGeneration() == rebuilt);
                await().atMost(Duration.ofSeconds(60)).until(() -> consumed(jdbc, rebuilt, accounts) == total);
                Projections.assertMatches(readModel, "across", history);
                assertThat(applied(jdbc, rebuilt, accounts)).as("events applied to the new generation")
                        .isEqualTo(history.applied());
            } finally {
                first.kill();
                second.kill();
                if (restarted != null) {
                    restarted.kill();
                }
            }
        }
    }

    private static long consumed(JdbcTemplate jdbc, int generation, String topic) {
        Long sum = jdbc.queryForObject("SELECT coalesce(sum(next_offset), 0) FROM accountview.consumer_offset"
                + " WHERE generation = ? AND topic = ?", Long.class, generation, topic);
        return sum == null ? 0 : sum;
    }

    private static long applied(JdbcTemplate jdbc, int generation, String topic) {
        Long sum = jdbc.queryForObject("SELECT coalesce(sum(applied), 0) FROM accountview.consumer_offset"
                + " WHERE generation = ? AND topic = ?", Long.class, generation, topic);
        return sum == null ? 0 : sum;
    }
}
