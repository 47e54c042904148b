package com.accountview.tools.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a projection of some topics is: the records it has done against the end of the topics,
 * summed over their partitions. AccountView's projector is watched where it keeps its progress:
 * the offsets it stored with the live generation of its read model ({@code consumer_offset},
 * written in the transaction of the rows: the truth, whatever its Kafka consumer groups are named,
 * and they are named after the generation). Any other consumer is watched through the offsets its
 * group commits to Kafka. Not thread-safe.
 */
public final class ProjectionWatch implements AutoCloseable {

    private static final String STORED = """
            SELECT topic, partition, next_offset FROM accountview.consumer_offset
            WHERE generation = (SELECT id FROM accountview.generation WHERE state = 'LIVE')
              AND topic = ANY(?)
            """;
    /** SQLSTATE undefined_table: the projector has not created its schema yet. */
    private static final String UNDEFINED_TABLE = "42P01";

    /** Records done and records published, summed over the partitions. */
    public record Progress(long projected, long published) {
        public boolean caughtUp() {
            return projected >= published;
        }
    }

    /** Where the records done come from. */
    @FunctionalInterface
    private interface Done {
        Map<TopicPartition, Long> offsets() throws Exception;
    }

    private final Admin admin;
    private final List<String> topics;
    private final Done done;
    private final AutoCloseable resource;

    private ProjectionWatch(Admin admin, List<String> topics, Done done, AutoCloseable resource) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.done = done;
        this.resource = resource;
    }

    /** AccountView's offsets stored with the live generation in {@code jdbcUrl}'s read model; none before its schema exists. */
    public static ProjectionWatch storedIn(String bootstrapServers, String jdbcUrl, List<String> topics) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, LocalPostgres.PASSWORD);
        return new ProjectionWatch(admin(bootstrapServers), topics, () -> {
            Map<TopicPartition, Long> stored = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(STORED)) {
                statement.setArray(1, connection.createArrayOf("text", topics.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        stored.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                    }
                }
            } catch (SQLException e) {
                if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                    throw e;
                }
            }
            return stored;
        }, connection);
    }

    /** The offsets consumer group {@code group} committed to Kafka. */
    public static ProjectionWatch committedBy(String bootstrapServers, String group, List<String> topics) {
        Admin admin = admin(bootstrapServers);
        return new ProjectionWatch(admin, topics, () -> {
            Map<TopicPartition, Long> committed = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
            return committed;
        }, () -> { });
    }

    /** @throws LocalStackException when Kafka or the database cannot tell */
    public Progress progress() {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> offsets = done.offsets();
            long published = 0;
            long projected = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                published += end.getValue().offset();
                projected += Math.min(offsets.getOrDefault(end.getKey(), 0L), end.getValue().offset());
            }
            return new Progress(projected, published);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted", e);
        } catch (ExecutionException e) {
            throw new LocalStackException("could not read the progress from Kafka: " + e.getCause().getMessage(), e);
        } catch (Exception e) {
            throw new LocalStackException("could not read the progress: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        admin.close();
        resource.close();
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
