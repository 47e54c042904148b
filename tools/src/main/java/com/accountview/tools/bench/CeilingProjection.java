package com.accountview.tools.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.accountview.contract.EntityKind;
import com.accountview.tools.publish.TopicNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The plain single-threaded ceiling the benchmark compares AccountView's projection with: a
 * {@link KafkaConsumer} polls both topics, each batch is folded per key ({@link CeilingFold}),
 * written in one transaction ({@link CeilingTables}), and its offsets are then committed to Kafka
 * asynchronously (the version guard makes a batch delivered again harmless). Nothing else: no
 * validation, no dead letters, no offsets in the database. Runs on the calling thread until
 * {@link #stop()}; {@code stop} may be called from any thread.
 */
final class CeilingProjection {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicNames topics;
    private final String jdbcUrl;
    private final CeilingTables tables = new CeilingTables();
    private volatile boolean stopping;

    CeilingProjection(String bootstrapServers, String group, TopicNames topics, String jdbcUrl, int maxPollRecords) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords));
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.jdbcUrl = jdbcUrl;
    }

    void run(String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            CeilingTables.create(connection);
            connection.setAutoCommit(false);
            consumer.subscribe(List.of(topics.accounts(), topics.contracts()));
            while (!stopping) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                CeilingFold fold = new CeilingFold();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    EntityKind topic = record.topic().equals(topics.accounts()) ? EntityKind.ACCOUNT : EntityKind.CONTRACT;
                    fold.add(topic, new String(record.key(), StandardCharsets.UTF_8), record.value());
                }
                tables.write(connection, EntityKind.ACCOUNT, fold.writes(EntityKind.ACCOUNT));
                tables.write(connection, EntityKind.CONTRACT, fold.writes(EntityKind.CONTRACT));
                connection.commit();
                consumer.commitAsync();
            }
        } catch (WakeupException e) {
            // stop() while polling
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    void stop() {
        stopping = true;
        consumer.wakeup();
    }
}
