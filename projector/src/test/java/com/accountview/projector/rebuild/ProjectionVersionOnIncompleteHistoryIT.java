package com.accountview.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.accountview.projector.support.EventStream;
import com.accountview.projector.support.ProjectorProcess;
import com.accountview.projector.support.ReadModel;
import com.accountview.testinfra.DatabaseCoordinates;
import com.accountview.testinfra.ServiceJar;
import com.accountview.testinfra.TestInfrastructure;
import com.accountview.testinfra.events.TestEvents;

/**
 * The rebuild a newer projection version starts by itself is refused, like an operator's, when the
 * topics lost their first records: the projector says so and keeps feeding the live generation.
 */
class ProjectionVersionOnIncompleteHistoryIT {

    @Test
    void aNewerVersionDoesNotRebuildFromTopicsThatLostRecordsAndKeepsFeedingTheLiveGeneration() throws Exception {
        DatabaseCoordinates database = TestInfrastructure.newDatabase();
        ReadModel readModel = new ReadModel(database.dataSource());
        String accounts = TestInfrastructure.uniqueName("history-accounts");
        String contracts = TestInfrastructure.uniqueName("history-contracts");
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        Map<String, String> environment = ProjectorProcess.environment(database, accounts, contracts,
                TestInfrastructure.uniqueName("history-group"));
        Map<String, String> newer = new HashMap<>(environment);
        newer.put("ACCOUNTVIEW_REBUILD_PROJECTIONVERSION", "2");
        newer.put("ACCOUNTVIEW_REBUILD_CHECKINTERVAL", "300ms");

        try (Admin admin = Admin.create(properties);
             EventStream stream = new EventStream(TestInfrastructure.kafkaBootstrapServers(), readModel)) {
            admin.createTopics(List.of(new NewTopic(accounts, 1, (short) 1), new NewTopic(contracts, 1, (short) 1)))
                    .all().get();
            try (ServiceJar projector = ProjectorProcess.start(environment).awaitLive(ProjectorProcess.STARTUP)) {
                RecordMetadata applied = stream.send(account(UUID.randomUUID(), accounts));
                stream.awaitConsumed(applied);
                projector.stop();
                // as retention would: the live generation has the account, the topic no longer has its event
                admin.deleteRecords(Map.of(new TopicPartition(accounts, 0), RecordsToDelete.beforeOffset(1))).all().get();
            }

            try (ServiceJar projector = ProjectorProcess.start(newer).awaitLive(ProjectorProcess.STARTUP)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(projector.log())
                        .contains("Projection version 2 needs a rebuild"));
                UUID later = UUID.randomUUID();
                stream.send(account(later, accounts));
                await().atMost(Duration.ofSeconds(60)).until(() -> readModel.account(later).isPresent());

                assertThat(Files.readString(projector.log()))
                        .contains("the live generation 1 (version 1) keeps serving until one goes live")
                        .contains(accounts + "-0 begins at offset 1")
                        .contains("--allow-incomplete-history");
                assertThat(new JdbcTemplate(database.dataSource()).queryForList(
                        "SELECT id || ' ' || state FROM accountview.generation ORDER BY id", String.class))
                        .containsExactly("1 LIVE");
            }
        }
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> account(UUID id, String topic) {
        return TestEvents.account(id).org("history").sequence(1).externalId("x-" + id).created().structured(topic);
    }
}
