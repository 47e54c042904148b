package com.accountview.projector.ingestion;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.accountview.projector.health.ProjectionStatus;
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
    private final Counter failures;

    EventBatchListener(Projection projection, ProjectionStatus status, ConsumerLag lag, MeterRegistry registry) {
        this.projection = projection;
        this.status = status;
        this.lag = lag;
        this.failures = Counter.builder("accountview.projector.batch.failures")
                .description("Batches that failed to apply and were rolled back, to be retried")
                .register(registry);
    }

    @KafkaListener(id = "${spring.kafka.consumer.group-id}",
            topics = {"${accountview.topics.accounts}", "${accountview.topics.contracts}"},
            batch = "true")
    void on(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        try {
            projection.apply(records);
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
