package com.accountview.tools.publish;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;

import com.accountview.testinfra.TestInfrastructure;

/** Creates topics on the test broker, as an operator would before publishing (publish refuses missing topics). */
final class TestTopics {

    private TestTopics() {
    }

    /** Creates {@code name} with {@code partitions} and the topic settings {@code configs}, and waits until every partition has a leader. */
    static String create(String name, int partitions, Map<String, String> configs) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all().get();
            // A topic exists before all its partitions have a leader; a record produced to one without
            // waits in the producer, and once one did past the 120 s delivery timeout on a loaded machine.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeTopics(List.of(name))
                    .allTopicNames().get().get(name).partitions().stream()
                    .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty()));
        }
        return name;
    }

    /** A new topic of one partition, named {@code prefix-<unique>}. */
    static String create(String prefix) throws ExecutionException, InterruptedException {
        return create(TestInfrastructure.uniqueName(prefix), 1, Map.of());
    }
}
