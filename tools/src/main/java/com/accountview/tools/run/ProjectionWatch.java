package com.accountview.tools.run;

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
 * How far the projector is: the offsets its consumer group committed to Kafka (which it does after
 * the database transaction that applied them, for standard lag tooling) against the end of the
 * account and contract topics. Not thread-safe.
 */
final class ProjectionWatch implements AutoCloseable {

    /** Records consumed and records published, summed over the partitions. */
    record Progress(long projected, long published) {
        boolean caughtUp() {
            return projected >= published;
        }
    }

    private final Admin admin;
    private final String group;
    private final List<String> topics;

    ProjectionWatch(String bootstrapServers, String group, List<String> topics) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
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
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            long published = 0;
            long projected = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                published += end.getValue();
                projected += offset == null ? 0 : Math.min(offset.offset(), end.getValue());
            }
            return new Progress(projected, published);
        } catch (ExecutionException e) {
            throw new LocalRunException("could not read the projector's progress from Kafka: " + e.getCause().getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
