package com.accountview.projector.offsets;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

import com.accountview.projector.generations.Generation;
import com.accountview.projector.health.ProjectionStatus;

/**
 * Positions the consumer at the offsets stored in PostgreSQL with the read model, not at Kafka's
 * committed offsets: the database is the truth. A partition with no stored offset starts from the
 * beginning.
 *
 * <p>An assigned partition is paused until it has been positioned. If the database cannot be read
 * at assignment, it stays paused (and the projector not ready) and {@link #positionPending} tries
 * again from the consumer thread, so that nothing is ever consumed from a position the database did
 * not choose. Thread-safe: each consumer thread only touches its own consumer's partitions.
 */
@Component
public class SeekToStoredOffsets implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(SeekToStoredOffsets.class);

    private final StoredOffsets offsets;
    private final Generation generation;
    private final ProjectionStatus status;
    private final Set<TopicPartition> unpositioned = ConcurrentHashMap.newKeySet();

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
        unpositioned.addAll(partitions);
        consumer.pause(partitions);
        positionPending(consumer);
    }

    /**
     * Positions and resumes this consumer's partitions that are not positioned yet, if the database
     * can be read now. Call on the consumer's thread.
     *
     * @return the partitions that were not positioned before this call: records already fetched
     *         from them did not come from the stored position and must not be applied
     */
    public Set<TopicPartition> positionPending(Consumer<?, ?> consumer) {
        Set<TopicPartition> pending = consumer.assignment().stream()
                .filter(unpositioned::contains)
                .collect(Collectors.toSet());
        if (pending.isEmpty()) {
            return pending;
        }
        Map<TopicPartition, Long> stored;
        try {
            stored = offsets.read(generation.id(), pending.stream().map(TopicPartition::topic).distinct().toList());
        } catch (RuntimeException e) {
            log.warn("Could not read the stored offsets of {}; they stay paused until the database answers: {}",
                    pending, e.toString());
            return pending;
        }
        Set<TopicPartition> fromBeginning = pending.stream().filter(tp -> !stored.containsKey(tp)).collect(Collectors.toSet());
        if (!fromBeginning.isEmpty()) {
            consumer.seekToBeginning(fromBeginning);
        }
        pending.stream().filter(stored::containsKey).forEach(tp -> consumer.seek(tp, stored.get(tp)));
        consumer.resume(pending);
        unpositioned.removeAll(pending);
        log.info("Positioned {} at their stored offsets {} (no stored offset, from the beginning: {})",
                pending, stored, fromBeginning);
        return pending;
    }

    /** Whether the partition is consumed from the position the database chose. */
    public boolean isPositioned(TopicPartition partition) {
        return !unpositioned.contains(partition);
    }

    @Override
    public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    private void forget(Collection<TopicPartition> partitions) {
        unpositioned.removeAll(partitions);
        partitions.forEach(status::revoked);
    }
}
