package com.accountview.projector.ingestion;

import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import com.accountview.projector.generations.Generation;
import com.accountview.projector.offsets.AssignedPartitions;
import com.accountview.projector.projection.BatchResult;
import com.accountview.projector.projection.Projection;

/**
 * The consumption of both topics into one generation of the read model: a listener container of
 * the generation's own consumer group, whose every polled batch goes to the generation's
 * {@link Projection}, with the generation's {@link AssignedPartitions} owning the positions. Kafka
 * offsets are committed only from what the database stored, after a batch's transaction
 * committed; a failed batch is rethrown, for the container's error handler to seek every
 * partition back to its stored offset. Started and stopped by {@link Pipelines}.
 */
final class Pipeline implements BatchConsumerAwareMessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    private final Generation generation;
    private final Projection projection;
    private final AssignedPartitions partitions;
    private final ConsumerSettings settings;
    private ConcurrentMessageListenerContainer<byte[], byte[]> container;

    Pipeline(Generation generation, Projection projection, AssignedPartitions partitions, ConsumerSettings settings) {
        this.generation = generation;
        this.projection = projection;
        this.partitions = partitions;
        this.settings = settings;
    }

    @Override
    public void onMessage(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        long received = System.currentTimeMillis();
        partitions.beforeBatch(consumer, records);
        BatchResult result = projection.apply(records);
        long applied = System.currentTimeMillis();
        partitions.committed(consumer, result.nextOffsets());
        if (log.isDebugEnabled() && !records.isEmpty()) {
            long oldest = records.stream().mapToLong(ConsumerRecord::timestamp).min().orElse(received);
            long newest = records.stream().mapToLong(ConsumerRecord::timestamp).max().orElse(received);
            log.debug("Generation {}: {} records, timestamped {} to {} ms before they were received, applied in {} ms,"
                    + " offsets committed and lag measured in {} ms", generation.id(), records.size(), received - oldest,
                    received - newest, applied - received, System.currentTimeMillis() - applied);
        }
    }

    void start(ConcurrentMessageListenerContainer<byte[], byte[]> listenerContainer) {
        this.container = listenerContainer;
        settings.applyTo(container);
        container.start();
    }

    /** Stops consuming (the batch in progress commits or rolls back as a whole) and removes the meters. */
    void stop() {
        container.stop();
        partitions.close();
        projection.close();
    }

    /** Whether an event of the container concerns this pipeline (its child containers are named after it). */
    boolean owns(String listenerId) {
        return listenerId != null && container != null
                && (listenerId.equals(container.getListenerId()) || listenerId.startsWith(container.getListenerId() + "-"));
    }

    ConsumerSettings settings() {
        return settings;
    }

    AssignedPartitions partitions() {
        return partitions;
    }
}
