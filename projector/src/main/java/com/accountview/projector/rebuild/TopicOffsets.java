package com.accountview.projector.rebuild;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import com.accountview.projector.TopicsProperties;

/**
 * The consumed topics' partitions and their offsets, as the broker gives them, each call bounded by
 * 10 s. What a rebuild's progress and its check of the history both ask. Thread-safe as its
 * {@link Admin} is.
 */
final class TopicOffsets {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final TopicsProperties topics;

    TopicOffsets(Admin admin, TopicsProperties topics) {
        this.admin = admin;
        this.topics = topics;
    }

    /** Every partition of both topics. */
    List<TopicPartition> partitions() throws InterruptedException, ExecutionException, TimeoutException {
        return admin.describeTopics(List.of(topics.accounts(), topics.contracts())).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values().stream()
                .flatMap(topic -> topic.partitions().stream()
                        .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                .toList();
    }

    /** The offset {@code spec} names (the first, the end) of each partition. */
    Map<TopicPartition, Long> at(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(partition -> specs.put(partition, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(specs).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }
}
