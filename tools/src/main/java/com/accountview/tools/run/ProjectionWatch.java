package com.accountview.tools.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the projector is: the offsets it stored with the live generation of the read model (the
 * truth; its Kafka consumer groups are named after the generation) against the end of the account
 * and contract topics. Not thread-safe.
 */
final class ProjectionWatch implements AutoCloseable {

    private static final String STORED = """
            SELECT topic, partition, next_offset FROM accountview.consumer_offset
            WHERE generation = (SELECT id FROM accountview.generation WHERE state = 'LIVE')
            """;

    /** Records consumed and records published, summed over the partitions. */
    record Progress(long projected, long published) {
        boolean caughtUp() {
            return projected >= published;
        }
    }

    private final Admin admin;
    private final String jdbcUrl;
    private final List<String> topics;

    ProjectionWatch(String bootstrapServers, String jdbcUrl, List<String> topics) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.jdbcUrl = jdbcUrl;
        this.topics = List.copyOf(topics);
    }

    Progress progress() throws InterruptedException {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            Map<TopicPartition, Long> stored = stored();
            long published = 0;
            long projected = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                published += end.getValue();
                projected += Math.min(stored.getOrDefault(end.getKey(), 0L), end.getValue());
            }
            return new Progress(projected, published);
        } catch (ExecutionException e) {
            throw new LocalRunException("could not read the topics' ends from Kafka: " + e.getCause().getMessage(), e);
        }
    }

    /** Nothing before the projector has created its schema. */
    private Map<TopicPartition, Long> stored() {
        Map<TopicPartition, Long> stored = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, LocalPostgres.PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(STORED)) {
            while (rows.next()) {
                stored.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
            }
        } catch (SQLException e) {
            return Map.of();
        }
        return stored;
    }

    @Override
    public void close() {
        admin.close();
    }
}
