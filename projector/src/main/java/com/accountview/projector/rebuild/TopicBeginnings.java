package com.accountview.projector.rebuild;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.accountview.projector.TopicsProperties;

/**
 * Where the consumed topics' partitions begin now. A rebuild reads them from there: a partition
 * that no longer begins at offset 0 has lost records to retention or {@code deleteRecords}, and a
 * generation rebuilt from it would lack what they said (compaction does not move a partition's
 * first offset: only retention and {@code deleteRecords} do). Asks the broker each time, with a
 * short-lived client: rebuilds are rare. Thread-safe.
 */
@Component
class TopicBeginnings {

    private final KafkaAdmin kafkaAdmin;
    private final TopicsProperties topics;

    TopicBeginnings(KafkaAdmin kafkaAdmin, TopicsProperties topics) {
        this.kafkaAdmin = kafkaAdmin;
        this.topics = topics;
    }

    /**
     * The partitions that begin past offset 0, with their first offset, in topic and partition order.
     *
     * @throws UnableToReadTopicsException if the broker did not answer within 10 s
     */
    Map<TopicPartition, Long> pastZero() {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            TopicOffsets offsets = new TopicOffsets(admin, topics);
            Map<TopicPartition, Long> pastZero = new TreeMap<>(
                    Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
            offsets.at(offsets.partitions(), OffsetSpec.earliest()).forEach((partition, start) -> {
                if (start > 0) {
                    pastZero.put(partition, start);
                }
            });
            return pastZero;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnableToReadTopicsException(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new UnableToReadTopicsException(e);
        }
    }
}
