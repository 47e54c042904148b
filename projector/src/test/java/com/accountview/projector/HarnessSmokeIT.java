package com.accountview.projector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.accountview.testinfra.RealInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Proves the harness: a real broker round trip, and a real PostgreSQL after the migrations ran. */
@SpringBootTest
@RealInfrastructure
class HarnessSmokeIT {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void recordProducedToTheBrokerIsConsumedBack() throws Exception {
        String topic = "smoke-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "key-1", "hello")).get();
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "smoke-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            ConsumerRecord<String, String> received = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received = record;
                }
            }
            assertThat(received).isNotNull();
            assertThat(received.key()).isEqualTo("key-1");
            assertThat(received.value()).isEqualTo("hello");
        }
    }

    @Test
    void migrationsCreatedTheReadModelWithALiveGeneration() {
        assertThat(jdbc.queryForList("SELECT id FROM accountview.live_generation", Integer.class))
                .containsExactly(1);
        assertThat(jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'accountview'", String.class))
                .contains("account", "contract", "consumer_offset", "generation",
                        "live_generation", "live_account", "live_contract");
    }

    @Test
    void databaseRunsOutsideUtcSoTimeZoneBugsShow() {
        assertThat(jdbc.queryForObject("SHOW timezone", String.class)).isNotEqualToIgnoringCase("UTC");
    }
}
