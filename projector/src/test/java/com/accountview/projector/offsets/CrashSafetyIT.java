package com.accountview.projector.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.accountview.projector.ingestion.Pipelines;
import com.accountview.projector.support.EventStream;
import com.accountview.projector.support.Projections;
import com.accountview.projector.support.ProjectorProcess;
import com.accountview.projector.support.RandomHistory;
import com.accountview.projector.support.ReadModel;
import com.accountview.testinfra.DatabaseCoordinates;
import com.accountview.testinfra.ServiceJar;
import com.accountview.testinfra.TestInfrastructure;
import com.accountview.testinfra.events.TestEvent;

/**
 * A projector killed with SIGKILL at arbitrary points of a stream, and restarted, ends with exactly
 * the reference state, and its exactly-once applied counters show no event applied twice.
 */
class CrashSafetyIT {

    static final String ORG = "crash";
    static DatabaseCoordinates database;
    static ReadModel readModel;
    static Admin admin;

    @BeforeAll
    static void infrastructure() throws Exception {
        database = TestInfrastructure.newDatabase();
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        admin = Admin.create(properties);
        readModel = new ReadModel(database.dataSource());
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    // each test has topics and a consumer group of its own
    final String accounts = TestInfrastructure.uniqueName("crash-accounts");
    final String contracts = TestInfrastructure.uniqueName("crash-contracts");
    final String group = TestInfrastructure.uniqueName("crash-group");

    @BeforeEach
    void topics() throws Exception {
        admin.createTopics(List.of(new NewTopic(accounts, 4, (short) 1), new NewTopic(contracts, 4, (short) 1))).all().get();
    }

    @Test
    void projectorKilledAtArbitraryPointsEndsWithExactlyTheReferenceState() throws Exception {
        RandomHistory history = RandomHistory.of(42, ORG, 400, 6);
        try (EventStream stream = new EventStream(TestInfrastructure.kafkaBootstrapServers(), readModel)) {
            for (TestEvent event : history.delivery()) {
                stream.send(event.structured(accounts));
            }
        }
        int total = history.delivery().size();

        // three hard kills while the stream is being applied, at growing progress; steps of a tenth,
        // because a projector of two consumer threads gets well past its target before the kill lands
        for (int kill = 1; kill <= 3; kill++) {
            long progressBefore = readModel.consumedFrom(accounts);
            long target = Math.min(total - 1, progressBefore + total / 10);
            try (ServiceJar projector = ProjectorProcess.start(environment()).awaitLive(ProjectorProcess.STARTUP)) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                        .until(() -> readModel.consumedFrom(accounts) >= target);
                projector.kill();
            }
            assertThat(readModel.consumedFrom(accounts)).as("progress after kill %d", kill)
                    .isGreaterThan(progressBefore).isLessThan(total);
        }

        try (ServiceJar projector = ProjectorProcess.start(environment()).awaitLive(ProjectorProcess.STARTUP)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> readModel.consumedFrom(accounts) == total);
        }

        Projections.assertMatches(readModel, ORG, history);
        assertThat(readModel.appliedFrom(accounts)).isEqualTo(history.applied());
    }

    @Test
    void crashAfterTheDatabaseCommitButBeforeTheKafkaCommitAppliesNothingTwice() throws Exception {
        String org = "crash-window";
        RandomHistory history = RandomHistory.of(7, org, 100, 4);
        try (EventStream stream = new EventStream(TestInfrastructure.kafkaBootstrapServers(), readModel)) {
            for (TestEvent event : history.delivery()) {
                stream.send(event.structured(accounts));
            }
        }
        Map<TopicPartition, Long> end = endOffsets();
        try (ServiceJar projector = ProjectorProcess.start(environment()).awaitLive(ProjectorProcess.STARTUP)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> storedMatches(end));
            projector.kill();
        }

        // as if every Kafka commit had been lost: Kafka's committed offsets go back to the start
        await().atMost(Duration.ofSeconds(30)).until(() ->
                admin.describeConsumerGroups(List.of(liveGroup())).all().get().get(liveGroup()).members().isEmpty());
        Map<TopicPartition, OffsetAndMetadata> rewound = new HashMap<>();
        end.keySet().forEach(tp -> rewound.put(tp, new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets(liveGroup(), rewound).all().get();

        UUID marker = UUID.randomUUID();
        try (ServiceJar projector = ProjectorProcess.start(environment()).awaitLive(ProjectorProcess.STARTUP);
             EventStream stream = new EventStream(TestInfrastructure.kafkaBootstrapServers(), readModel)) {
            stream.sendAndAwait(com.accountview.testinfra.events.TestEvents.account(marker).org("crash-marker")
                    .sequence(1).externalId("marker").created().structured(accounts));
        }

        Projections.assertMatches(readModel, org, history);
        assertThat(readModel.appliedFrom(accounts)).isEqualTo(history.applied() + 1);
    }

    private Map<String, String> environment() {
        return ProjectorProcess.environment(database, accounts, contracts, group);
    }

    /** The consumer group of the live generation's pipeline. */
    private String liveGroup() {
        return Pipelines.groupOf(group, 1);
    }

    private boolean storedMatches(Map<TopicPartition, Long> end) {
        Map<Integer, Long> stored = readModel.storedOffsets(accounts);
        return end.entrySet().stream().allMatch(e -> stored.getOrDefault(e.getKey().partition(), 0L).equals(e.getValue()));
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < 4; p++) {
            request.put(new TopicPartition(accounts, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
        }
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
        return end;
    }
}
