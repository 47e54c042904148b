package com.accountview.tools.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.accountview.contract.EntityKind;
import com.accountview.testinfra.TestInfrastructure;
import com.accountview.tools.contract.OutgoingRecord;

class KafkaSinkIT {

    private static final int PARTITIONS = 5;
    private static final int RECORDS = 60;

    /** The benchmark's freshness polling relies on it: it asks for probes in their partitions' order. */
    @Test
    void partitionOfNamesThePartitionEachKeyedRecordLandsIn() throws Exception {
        String accounts = TestInfrastructure.uniqueName("sink-accounts");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(accounts, PARTITIONS, (short) 1))).all().get();
        }
        Map<String, Integer> expected = new HashMap<>();
        try (KafkaSink sink = new KafkaSink(TestInfrastructure.kafkaBootstrapServers(),
                new TopicNames(accounts, TestInfrastructure.uniqueName("sink-contracts")), Map.of("linger.ms", "0"))) {
            assertThat(sink.partitionCount(EntityKind.ACCOUNT)).isEqualTo(PARTITIONS);
            for (int i = 0; i < RECORDS; i++) {
                OutgoingRecord record = OutgoingRecord.tombstone(EntityKind.ACCOUNT, UUID.randomUUID().toString());
                expected.put(record.key(), sink.partitionOf(record));
                sink.accept(record);
            }
        }

        Map<String, Integer> landed = new HashMap<>();
        consume(accounts).forEach(record -> landed.put(record.key(), record.partition()));
        assertThat(landed).isEqualTo(expected);
        assertThat(new HashSet<>(expected.values())).as("the keys' partitions").hasSizeGreaterThan(1);
    }

    private static List<ConsumerRecord<String, String>> consume(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, TestInfrastructure.uniqueName("sink-it"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= RECORDS;
            });
        }
        return records;
    }
}
