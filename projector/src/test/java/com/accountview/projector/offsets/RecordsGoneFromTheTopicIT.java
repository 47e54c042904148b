package com.accountview.projector.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.accountview.projector.support.EventStream;
import com.accountview.projector.support.ProjectorProcess;
import com.accountview.projector.support.ReadModel;
import com.accountview.testinfra.DatabaseCoordinates;
import com.accountview.testinfra.ServiceJar;
import com.accountview.testinfra.TestInfrastructure;
import com.accountview.testinfra.events.TestEvents;

/**
 * Positions the broker no longer has: records deleted before they were applied are reported and
 * counted, and consumption goes on after them; a topic created again behind the stored offsets is
 * consumed again from its beginning, instead of its new records being skipped as applied.
 */
class RecordsGoneFromTheTopicIT {

    static final String ORG = "gone";
    static Admin admin;

    final DatabaseCoordinates database = TestInfrastructure.newDatabase();
    final ReadModel readModel = new ReadModel(database.dataSource());
    final String accounts = TestInfrastructure.uniqueName("gone-accounts");
    final String contracts = TestInfrastructure.uniqueName("gone-contracts");
    final String group = TestInfrastructure.uniqueName("gone-group");
    final TopicPartition partition = new TopicPartition(accounts, 0);

    @BeforeAll
    static void connect() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        admin = Admin.create(properties);
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    @BeforeEach
    void topics() throws Exception {
        admin.createTopics(List.of(new NewTopic(accounts, 1, (short) 1), new NewTopic(contracts, 1, (short) 1))).all().get();
    }

    @Test
    void recordsDeletedBeforeTheyWereAppliedAreReportedAndConsumptionGoesOnAfterThem() throws Exception {
        UUID applied = UUID.randomUUID();
        List<UUID> deleted = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID after = UUID.randomUUID();
        try (EventStream stream = new EventStream(TestInfrastructure.kafkaBootstrapServers(), readModel)) {
            try (ServiceJar projector = start()) {
                stream.sendAndAwait(created(applied, "applied"));
                projector.stop();
            }
            // while no projector runs: three records come, and are deleted (as retention would) before any applies them
            deleted.forEach(id -> stream.send(created(id, "deleted-" + id)));
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(4))).all().get();
            stream.send(created(after, "after"));

            try (ServiceJar projector = start()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> readModel.account(after).isPresent());

                assertThat(readModel.account(applied)).isPresent();
                deleted.forEach(id -> assertThat(readModel.account(id)).isEmpty());
                assertThat(readModel.storedOffsets(accounts)).containsEntry(0, 5L);
                assertThat(counter(projector, "accountview_projector_records_lost_total")).isEqualTo(3.0);
                assertThat(counter(projector, "accountview_projector_offsets_rewound_total")).isZero();
                assertThat(Files.readString(projector.log()))
                        .contains("The records at offsets 1 to 3 of " + partition + " were deleted from the topic")
                        .contains("3 offsets lost, consumption goes on from offset 4");
            }
        }
    }

    @Test
    void aTopicCreatedAgainBehindTheStoredOffsetsIsConsumedAgainFromItsBeginning() throws Exception {
        UUID before = UUID.randomUUID();
        List<UUID> recreated = List.of(UUID.randomUUID(), UUID.randomUUID());
        try (EventStream stream = new EventStream(TestInfrastructure.kafkaBootstrapServers(), readModel)) {
            try (ServiceJar projector = start()) {
                for (int sequence = 1; sequence <= 5; sequence++) {
                    stream.sendAndAwait(TestEvents.account(before).org(ORG).sequence(sequence).externalId("before")
                            .updated().structured(accounts));
                }
                projector.stop();
            }
            assertThat(readModel.storedOffsets(accounts)).containsEntry(0, 5L);
            createAgain(accounts);
            // the new topic's records sit at offsets the stored offset counts as applied
            recreated.forEach(id -> stream.send(created(id, "recreated-" + id)));

            try (ServiceJar projector = start()) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> recreated.stream().allMatch(id -> readModel.account(id).isPresent()));

                assertThat(readModel.storedOffsets(accounts)).containsEntry(0, 2L);
                assertThat(counter(projector, "accountview_projector_offsets_rewound_total")).isEqualTo(1.0);
                assertThat(counter(projector, "accountview_projector_records_lost_total")).isZero();
                assertThat(Files.readString(projector.log()))
                        .contains("The stored offset 5 of " + partition + " is past the partition's end 2")
                        .contains("consumes it again from offset 0 (stored offset set back: true)");
            }
        }
    }

    private ServiceJar start() {
        return ProjectorProcess.start(ProjectorProcess.environment(database, accounts, contracts, group))
                .awaitLive(ProjectorProcess.STARTUP);
    }

    private ProducerRecord<byte[], byte[]> created(UUID account, String externalId) {
        return TestEvents.account(account).org(ORG).sequence(1).externalId(externalId).created().structured(accounts);
    }

    /** Deletes the topic and creates it again under the same name, empty. */
    private static void createAgain(String topic) throws Exception {
        admin.deleteTopics(List.of(topic)).all().get();
        // deletion completes in the background: the name is taken until it has
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                return true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** A counter's value for the live generation, from the projector's Prometheus endpoint. */
    private static double counter(ServiceJar projector, String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + projector.port() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body().lines()
                .filter(line -> line.startsWith(name + "{") && line.contains("generation=\"1\""))
                .findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(name + " not among the projector's meters"));
    }
}
