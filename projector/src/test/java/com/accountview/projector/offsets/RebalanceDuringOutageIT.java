package com.accountview.projector.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewPartitions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.accountview.projector.ingestion.Pipelines;
import com.accountview.projector.support.DatabaseFaults;
import com.accountview.projector.support.EventStream;
import com.accountview.projector.support.Projections;
import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.projector.support.RandomHistory;
import com.accountview.projector.support.ReadModel;
import com.accountview.testinfra.DatabaseCoordinates;

/**
 * The interleaving that once lost records, made deterministic: batches fail while the database is
 * down, the consumer group rebalances during the outage (the topic grows, and the new partitions
 * are assigned while no stored offset can be read), the database returns, and the very next batch
 * fails once more. Whatever the consumer fetched and threw away meanwhile, every event ends up
 * applied exactly once: after a failure, positions come from the stored offsets only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.consumer.max-poll-records=20",
        // a rebalance that only adds partitions, and new partitions noticed within a second
        "spring.kafka.consumer.properties.partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
        "spring.kafka.consumer.properties.metadata.max.age.ms=500",
        "accountview.projection.retry-initial-interval=100ms",
        "accountview.projection.retry-max-interval=500ms"})
@Import(DatabaseFaults.Configuration.class)
class RebalanceDuringOutageIT extends ProjectorContextTest {

    @Autowired
    DatabaseFaults database;

    @LocalServerPort
    int port;

    @Value("${spring.kafka.consumer.group-id}")
    String groupPrefix;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${spring.datasource.username}")
    String databaseUser;

    @Value("${spring.datasource.password}")
    String databasePassword;

    @BeforeEach
    void readPastTheFaults() {
        // the test reads the real database, not through the faults it injects into the projector
        readModel = new ReadModel(new DatabaseCoordinates(databaseUrl, databaseUser, databasePassword).dataSource());
    }

    private int partitionsBefore;

    @Test
    void rebalanceDuringAnOutageAndASecondFailureAfterItLoseNothing() throws Exception {
        RandomHistory before = RandomHistory.of(808, "before-outage", 200, 3);
        RandomHistory during = RandomHistory.of(809, "during-outage", 300, 3);
        before.delivery().forEach(event -> events.send(event.structured(topics.accounts())));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> readModel.consumedFrom(topics.accounts()) == before.delivery().size());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> readiness() == 200);

        database.down();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int partitions = admin.describeTopics(List.of(topics.accounts())).allTopicNames().get()
                    .get(topics.accounts()).partitions().size();
            partitionsBefore = partitions;
            admin.createPartitions(Map.of(topics.accounts(), NewPartitions.increaseTo(2 * partitions))).all().get();
            await().atMost(Duration.ofSeconds(60)).until(() -> assignedAccountPartitions(admin) == 2 * partitions);
        }
        // a producer that knows the new partitions: each entity of this history lives in one partition
        try (EventStream stream = new EventStream(bootstrapServers, readModel)) {
            during.delivery().forEach(event -> stream.send(event.structured(topics.accounts())));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.refused() >= 2);
        // nothing of the new partitions is applied: neither readiness nor the lag gauge may say caught up
        assertThat(readiness()).isEqualTo(503);
        assertThat(meters.find("accountview.projector.lag").tag("topic", topics.accounts()).gauges())
                .filteredOn(gauge -> Integer.parseInt(gauge.getId().getTag("partition")) >= partitionsBefore)
                .allSatisfy(gauge -> assertThat(gauge.value()).isNaN());

        // the first connection after the return succeeds (reading positions), the second fails
        database.upFailingOnce(2);

        int total = before.delivery().size() + during.delivery().size();
        await().atMost(Duration.ofSeconds(90)).alias("every record of both histories consumed")
                .until(() -> readModel.consumedFrom(topics.accounts()) == total);
        Projections.assertMatches(readModel, "before-outage", before);
        Projections.assertMatches(readModel, "during-outage", during);
        assertThat(readModel.appliedFrom(topics.accounts())).isEqualTo(before.applied() + during.applied());
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
    }

    private int readiness() throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private long assignedAccountPartitions(Admin admin) throws Exception {
        String group = Pipelines.groupOf(groupPrefix, 1);
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        return description.members().stream()
                .flatMap(member -> member.assignment().topicPartitions().stream())
                .filter(partition -> partition.topic().equals(topics.accounts()))
                .count();
    }
}
