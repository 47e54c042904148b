package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import com.accountview.projector.support.EventStream;
import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.projector.support.ReadModel;
import com.accountview.testinfra.events.TestEvents;

/** Malformed events go to {@code <topic>.DLT} with their headers, and consumption goes on. */
class DeadLetterIT extends ProjectorContextTest {

    final String org = "org-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void malformedEventInTheMiddleOfAPartitionIsDeadLetteredAndTheEventsAfterItAreApplied() {
        UUID account = UUID.randomUUID();
        String key = account.toString();
        ProducerRecord<byte[], byte[]> malformed = TestEvents.raw(key, "{ not json")
                .withHeader("content-type", "application/cloudevents+json").plain(topics.accounts());

        var before = events.send(TestEvents.account(account).org(org).sequence(1).externalId("before").created()
                .structured(topics.accounts()));
        var bad = events.send(malformed);
        var after = events.send(TestEvents.account(account).org(org).sequence(2).externalId("after").updated()
                .structured(topics.accounts()));
        events.awaitConsumed(after);

        assertThat(readModel.accountsCarrying(org, "after")).containsExactly(account);
        assertThat(bad.partition()).isEqualTo(before.partition()).isEqualTo(after.partition());

        ConsumerRecord<byte[], byte[]> deadLetter = deadLetterWithKey(topics.accounts() + ".DLT", key);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{ not json");
        assertThat(header(deadLetter, "content-type")).isEqualTo("application/cloudevents+json");
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(topics.accounts());
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-partition").value())
                .isEqualTo(java.nio.ByteBuffer.allocate(4).putInt(bad.partition()).array());
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-offset").value())
                .isEqualTo(java.nio.ByteBuffer.allocate(8).putLong(bad.offset()).array());
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).isNotBlank();
    }

    @Test
    void eventWhoseKeyDisagreesWithItsSubjectIsDeadLetteredWithTheReason() {
        UUID account = UUID.randomUUID();
        String otherKey = UUID.randomUUID().toString();

        var sent = events.send(TestEvents.account(account).org(org).sequence(1).externalId("mismatch").key(otherKey)
                .created().structured(topics.accounts()));
        events.awaitConsumed(sent);

        assertThat(readModel.account(account)).isEmpty();
        ConsumerRecord<byte[], byte[]> deadLetter = deadLetterWithKey(topics.accounts() + ".DLT", otherKey);
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).containsIgnoringCase("key");
    }

    private ConsumerRecord<byte[], byte[]> deadLetterWithKey(String topic, String key) {
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                }
            }
            assertThat(found).as("dead letter with key %s on %s", key, topic).hasSize(1);
            return found.get(0);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
