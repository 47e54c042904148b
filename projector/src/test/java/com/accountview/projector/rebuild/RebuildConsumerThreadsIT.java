package com.accountview.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.accountview.projector.ingestion.Pipelines;
import com.accountview.projector.support.ConsumerGroups;
import com.accountview.projector.support.DatabaseFaults;
import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.projector.support.Projections;
import com.accountview.projector.support.RandomHistory;
import com.accountview.projector.support.RebuildEndpoint;

/**
 * A rebuild consumes with its own consumer threads ({@code accountview.rebuild.concurrency}); once
 * its generation is live, that generation's consumption restarts with the live projection's
 * threads, from its stored offsets, applying every event exactly once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "accountview.rebuild.admin-token=" + RebuildConsumerThreadsIT.TOKEN,
        "accountview.rebuild.check-interval=300ms",
        "accountview.rebuild.max-poll-records=200",
        "accountview.rebuild.concurrency=1",
        "spring.kafka.listener.concurrency=2",
        // its consumer groups' members are counted: no other cached test context may share them
        "spring.kafka.consumer.group-id=rebuild-consumer-threads-it"})
@Import(DatabaseFaults.Configuration.class)
class RebuildConsumerThreadsIT extends ProjectorContextTest {

    static final String TOKEN = "rebuild-threads-it-token";

    @LocalServerPort
    int port;

    @Autowired
    DatabaseFaults faults;

    @Value("${spring.kafka.consumer.group-id}")
    String groupPrefix;

    @Test
    void aRebuildRunsOnItsOwnThreadsAndItsGenerationGoesOnWithTheLiveThreadsOnceLive() throws Exception {
        RandomHistory before = RandomHistory.of(5151, "threads-before", 300, 4);
        RandomHistory after = RandomHistory.of(5152, "threads-after", 300, 4);
        before.delivery().forEach(event -> events.send(event.structured(topics.accounts())));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> readModel.consumedFrom(1, topics.accounts()) == before.delivery().size());
        RebuildEndpoint endpoint = new RebuildEndpoint(port, TOKEN);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            // the rebuild's batches fail until the test has seen its consumer group: it cannot finish first
            faults.downFor("projector-g2");

            assertThat(endpoint.start("RebuildConsumerThreadsIT").status()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ConsumerGroups.everyMemberOwnsPartitions(admin, Pipelines.groupOf(groupPrefix, 2), 1));
            assertThat(ConsumerGroups.everyMemberOwnsPartitions(admin, Pipelines.groupOf(groupPrefix, 1), 2)).isTrue();
            faults.up();
            await().atMost(Duration.ofSeconds(120)).until(() -> endpoint.status().liveGeneration() == 2);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ConsumerGroups.everyMemberOwnsPartitions(admin, Pipelines.groupOf(groupPrefix, 2), 2));
        }
        // events published after the restart reach the live generation, and none is applied twice
        after.delivery().forEach(event -> events.send(event.structured(topics.accounts())));
        int all = before.delivery().size() + after.delivery().size();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> readModel.consumedFrom(2, topics.accounts()) == all);
        Projections.assertMatches(readModel, "threads-before", before);
        Projections.assertMatches(readModel, "threads-after", after);
        assertThat(readModel.appliedFrom(2, topics.accounts())).isEqualTo(before.applied() + after.applied());
    }
}
