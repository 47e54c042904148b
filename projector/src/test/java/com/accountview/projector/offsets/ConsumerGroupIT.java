package com.accountview.projector.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import com.accountview.projector.ingestion.Pipelines;
import com.accountview.projector.support.ConsumerGroups;
import com.accountview.projector.support.EventStream;
import com.accountview.projector.support.Projections;
import com.accountview.projector.support.ProjectorProcess;
import com.accountview.projector.support.RandomHistory;
import com.accountview.projector.support.ReadModel;
import com.accountview.testinfra.DatabaseCoordinates;
import com.accountview.testinfra.ServiceJar;
import com.accountview.testinfra.TestInfrastructure;
import com.accountview.testinfra.events.TestEvent;

/** Projector instances in one consumer group share the partitions and hand them over without loss or double application. */
class ConsumerGroupIT {

    /** The default, set here so that the group's members are known: two instances, each of two consumer threads. */
    private static final int THREADS_PER_INSTANCE = 2;

    @Test
    void stoppingOneOfTwoInstancesMidStreamHandsItsPartitionsToTheOther() throws Exception {
        DatabaseCoordinates database = TestInfrastructure.newDatabase();
        String accounts = TestInfrastructure.uniqueName("group-accounts");
        String contracts = TestInfrastructure.uniqueName("group-contracts");
        String group = TestInfrastructure.uniqueName("group");
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        ReadModel readModel = new ReadModel(database.dataSource());
        Map<String, String> environment = new HashMap<>(ProjectorProcess.environment(database, accounts, contracts, group));
        environment.put("SPRING_KAFKA_LISTENER_CONCURRENCY", String.valueOf(THREADS_PER_INSTANCE));
        RandomHistory history = RandomHistory.of(99, "group", 400, 6);

        try (Admin admin = Admin.create(properties)) {
            admin.createTopics(List.of(new NewTopic(accounts, 4, (short) 1), new NewTopic(contracts, 4, (short) 1)))
                    .all().get();
            ServiceJar first = ProjectorProcess.start(environment);
            ServiceJar second = ProjectorProcess.start(environment);
            try {
                first.awaitLive(ProjectorProcess.STARTUP);
                second.awaitLive(ProjectorProcess.STARTUP);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> ConsumerGroups.everyMemberOwnsPartitions(admin, Pipelines.groupOf(group, 1), 2 * THREADS_PER_INSTANCE));

                List<TestEvent> delivery = history.delivery();
                int total = delivery.size();
                try (EventStream stream = new EventStream(TestInfrastructure.kafkaBootstrapServers(), readModel)) {
                    delivery.subList(0, total / 2).forEach(event -> stream.send(event.structured(accounts)));
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                            .until(() -> readModel.consumedFrom(accounts) >= total / 4);
                    // the second half arrives while the first instance leaves: its partitions must move over
                    first.stop();
                    delivery.subList(total / 2, total).forEach(event -> stream.send(event.structured(accounts)));
                }
                await().atMost(Duration.ofSeconds(90)).until(() -> readModel.consumedFrom(accounts) == total);
            } finally {
                first.kill();
                second.kill();
            }
        }

        Projections.assertMatches(readModel, "group", history);
        assertThat(readModel.appliedFrom(accounts)).isEqualTo(history.applied());
    }
}
