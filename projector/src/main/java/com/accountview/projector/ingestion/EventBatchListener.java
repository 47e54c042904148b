package com.accountview.projector.ingestion;

import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.accountview.projector.health.ProjectionStatus;
import com.accountview.projector.offsets.SeekToStoredOffsets;
import com.accountview.projector.projection.Projection;

/**
 * Hands each polled batch of both topics to the {@link Projection}. A failed batch is rethrown:
 * the container's error handler retries it with capped back-off, with consumption paused, and the
 * Kafka offsets are committed only after a batch's transaction committed.
 */
@Component
class EventBatchListener {

    private static final Logger log = LoggerFactory.getLogger(EventBatchListener.class);

    private final Projection projection;
    private final ProjectionStatus status;
    private final ConsumerLag lag;
    private final SeekToStoredOffsets positioning;
    private final Counter failures;

    EventBatchListener(Projection projection, ProjectionStatus status, ConsumerLag lag,
                       SeekToStoredOffsets positioning, MeterRegistry registry) {
        this.projection = projection;
        this.status = status;
        this.lag = lag;
        this.positioning = positioning;
        this.failures = Counter.builder("accountview.projector.batch.failures")
                .description("Batches that failed to apply and were rolled back, to be retried")
                .register(registry);
    }

    @KafkaListener(id = "${spring.kafka.consumer.group-id}",
            topics = {"${accountview.topics.accounts}", "${accountview.topics.contracts}"},
            batch = "true")
    void on(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        try {
            // records fetched from a partition not positioned at its stored offset are fetched again once it is
            Set<TopicPartition> repositioned = positioning.positionPending(consumer);
            List<ConsumerRecord<byte[], byte[]>> positioned = repositioned.isEmpty() ? records : records.stream()
                    .filter(record -> !repositioned.contains(new TopicPartition(record.topic(), record.partition())))
                    .toList();
            if (!positioned.isEmpty()) {
                projection.apply(positioned);
            }
            status.batchSucceeded();
        } catch (RuntimeException e) {
            status.batchFailed(e);
            failures.increment();
            ConsumerRecord<byte[], byte[]> first = records.get(0);
            log.warn("Batch of {} records from topic={} partition={} offset={} failed and will be retried: {}",
                    records.size(), first.topic(), first.partition(), first.offset(), e.toString());
            throw e;
        } finally {
            lag.record(consumer);
        }
    }
}
