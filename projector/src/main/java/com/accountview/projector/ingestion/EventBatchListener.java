package com.accountview.projector.ingestion;

import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;

import com.accountview.projector.TopicsProperties;
import com.accountview.projector.offsets.AssignedPartitions;
import com.accountview.projector.projection.BatchResult;
import com.accountview.projector.projection.Projection;

/**
 * Hands each polled batch of both topics to the {@link Projection}, and tells the
 * {@link AssignedPartitions} what became of it. A failed batch is rethrown: the container's error
 * handler then has every partition sought back to its stored offset. Kafka offsets are committed
 * only from what the database stored, after the batch's transaction committed.
 */
@Component
class EventBatchListener {

    private final Projection projection;
    private final AssignedPartitions partitions;
    private final TopicsProperties topics;

    EventBatchListener(Projection projection, AssignedPartitions partitions, TopicsProperties topics) {
        this.projection = projection;
        this.partitions = partitions;
        this.topics = topics;
    }

    /** The topics to consume, for the listener annotation ({@code __listener} is this bean). */
    public String[] topics() {
        return new String[] {topics.accounts(), topics.contracts()};
    }

    @KafkaListener(id = "${spring.kafka.consumer.group-id}", topics = "#{__listener.topics()}", batch = "true")
    void on(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        partitions.beforeBatch(consumer, records);
        BatchResult result = projection.apply(records);
        partitions.committed(consumer, result.nextOffsets());
    }

    @EventListener
    void onIdle(ListenerContainerIdleEvent idle) {
        Consumer<?, ?> consumer = idle.getConsumer();
        if (consumer != null) {
            partitions.idle(consumer);
        }
    }
}
