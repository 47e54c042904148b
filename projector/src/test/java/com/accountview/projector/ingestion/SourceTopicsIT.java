package com.accountview.projector.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;

import com.accountview.projector.TopicsProperties;
import com.accountview.projector.support.ProjectorProcess;
import com.accountview.testinfra.ServiceJar;
import com.accountview.testinfra.TestInfrastructure;

/** The start-up check of the consumed topics, against the shared real broker. */
class SourceTopicsIT {

    private final KafkaAdmin kafkaAdmin = new KafkaAdmin(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()));

    @Test
    void aTopicTheBrokerDoesNotHaveFailsTheStartAndIsNamed() throws Exception {
        String accounts = existingTopic("source-accounts");
        String mistyped = TestInfrastructure.uniqueName("source-contrcts");

        assertThatThrownBy(() -> new SourceTopics(kafkaAdmin, new TopicsProperties(accounts, mistyped, true))
                .afterPropertiesSet())
                .isInstanceOfSatisfying(MissingTopicsException.class,
                        missing -> assertThat(missing.topics()).containsExactly(mistyped))
                .hasMessageContaining(TestInfrastructure.kafkaBootstrapServers());
    }

    @Test
    void existingTopicsPassAndTheCheckCanBeTurnedOff() throws Exception {
        String accounts = existingTopic("source-accounts");
        String contracts = existingTopic("source-contracts");

        assertThatCode(() -> new SourceTopics(kafkaAdmin, new TopicsProperties(accounts, contracts, true))
                .afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> new SourceTopics(kafkaAdmin,
                new TopicsProperties(accounts, TestInfrastructure.uniqueName("absent"), false)).afterPropertiesSet())
                .doesNotThrowAnyException();
    }

    @Test
    void aBrokerThatDoesNotAnswerHoldsTheStartForTheChecksTenSecondsOnly() {
        KafkaAdmin nobody = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + ServiceJar.freePort()));
        long startedAt = System.nanoTime();

        assertThatCode(() -> new SourceTopics(nobody, new TopicsProperties("accounts", "contracts", true))
                .afterPropertiesSet()).doesNotThrowAnyException();

        // the Kafka client's own wait for a broker to ask is 60 s
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void theProjectorStartedOnAMistypedTopicExitsWithTheSettingsToCheck() throws Exception {
        String accounts = existingTopic("source-accounts");
        String mistyped = TestInfrastructure.uniqueName("source-acounts");
        Map<String, String> environment = new HashMap<>(ProjectorProcess.environment(TestInfrastructure.newDatabase(),
                mistyped, accounts, TestInfrastructure.uniqueName("source-group")));
        environment.put("ACCOUNTVIEW_TOPICS_MUST_EXIST", "true");

        try (ServiceJar projector = ProjectorProcess.start(environment)) {
            await().atMost(ProjectorProcess.STARTUP).until(() -> !projector.isAlive());
            String log = Files.readString(projector.log());

            assertThat(log).contains("APPLICATION FAILED TO START")
                    .contains("The broker at " + TestInfrastructure.kafkaBootstrapServers() + " has no topic " + mistyped)
                    .contains("ACCOUNTVIEW_TOPICS_ACCOUNTS");
            try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
                assertThat(admin.listTopics().names().get()).as("nothing created for the mistyped topic")
                        .doesNotContain(mistyped, mistyped + ".DLT");
            }
        }
    }

    @Test
    void theProjectorGivenABrokerNameThatDoesNotResolveExitsNamingTheSetting() throws Exception {
        Map<String, String> environment = new HashMap<>(ProjectorProcess.environment(TestInfrastructure.newDatabase(),
                existingTopic("source-accounts"), existingTopic("source-contracts"), TestInfrastructure.uniqueName("source-group")));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafak.invalid:9092");

        try (ServiceJar projector = ProjectorProcess.start(environment)) {
            await().atMost(ProjectorProcess.STARTUP).until(() -> !projector.isAlive());
            String log = Files.readString(projector.log());

            assertThat(log).contains("APPLICATION FAILED TO START")
                    .contains("No host name of the Kafka broker's address resolves: spring.kafka.bootstrap-servers"
                            + " (SPRING_KAFKA_BOOTSTRAP_SERVERS) is kafak.invalid:9092.")
                    .doesNotContain("Application run failed");
        }
    }

    private String existingTopic(String prefix) throws Exception {
        String name = TestInfrastructure.uniqueName(prefix);
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        }
        return name;
    }
}
