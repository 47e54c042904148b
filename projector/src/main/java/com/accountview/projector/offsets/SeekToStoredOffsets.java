package com.accountview.projector.offsets;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

import com.accountview.projector.generations.Generation;
import com.accountview.projector.health.ProjectionStatus;

/**
 * On partition assignment, positions the consumer at the offsets stored in PostgreSQL with the
 * read model, not at Kafka's committed offsets: the database is the truth. A partition with no
 * stored offset starts from the beginning. If the database cannot be read now, the consumer keeps
 * Kafka's position; that is safe because every batch re-checks the stored offsets in its
 * transaction and skips what was applied already.
 */
@Component
class SeekToStoredOffsets implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(SeekToStoredOffsets.class);

    private final StoredOffsets offsets;
    private final Generation generation;
    private final ProjectionStatus status;

    SeekToStoredOffsets(StoredOffsets offsets, Generation generation, ProjectionStatus status) {
        this.offsets = offsets;
        this.generation = generation;
        this.status = status;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        status.assigned(partitions);
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> stored;
        try {
            stored = offsets.read(generation.id(), partitions.stream().map(TopicPartition::topic).distinct().toList());
        } catch (RuntimeException e) {
            log.warn("Could not read stored offsets for {}; keeping the consumer's position: {}", partitions, e.toString());
            return;
        }
        List<TopicPartition> fromBeginning = partitions.stream().filter(tp -> !stored.containsKey(tp)).toList();
        if (!fromBeginning.isEmpty()) {
            consumer.seekToBeginning(fromBeginning);
        }
        partitions.stream().filter(stored::containsKey).forEach(tp -> consumer.seek(tp, stored.get(tp)));
        log.info("Assigned {}; positioned at stored offsets {}, from the beginning {}", partitions, stored, fromBeginning);
    }

    @Override
    public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(status::revoked);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(status::revoked);
    }
}
