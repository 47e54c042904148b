package com.accountview.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's KRaft broker, run in this JVM on 127.0.0.1: the topics it makes for a run. */
class LocalKafkaIT {

    @TempDir
    Path directory;

    private LocalKafka kafka;

    @BeforeEach
    void start() throws Exception {
        int[] ports = LoopbackPorts.free(2);
        kafka = LocalKafka.start(directory.resolve("kafka"), ports[0], ports[1], 3);
    }

    @AfterEach
    void stop() {
        kafka.stop();
    }

    @Test
    void emptyTopicsReplaceTheRecordsAKilledRunLeftBehind() throws Exception {
        LocalKafka.createTopics(kafka.bootstrapServers(), List.of("left.behind"), 1);
        publish("left.behind", 5);
        assertThat(records("left.behind")).isEqualTo(5);

        LocalKafka.createEmptyTopics(kafka.bootstrapServers(), List.of("left.behind", "never.made"), 3);

        assertThat(records("left.behind")).isZero();
        assertThat(partitions("left.behind")).isEqualTo(3);
        assertThat(records("never.made")).isZero();
        assertThat(partitions("never.made")).isEqualTo(3);
    }

    @Test
    void createTopicsKeepsWhatExistingTopicsHold() throws Exception {
        LocalKafka.createTopics(kafka.bootstrapServers(), List.of("kept"), 1);
        publish("kept", 2);

        LocalKafka.createTopics(kafka.bootstrapServers(), List.of("kept"), 3);

        assertThat(records("kept")).isEqualTo(2);
    }

    private void publish(String topic, int records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
            }
            producer.flush();
        }
    }

    private long records(String topic) throws Exception {
        try (Admin admin = admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    private int partitions(String topic) throws Exception {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
