package com.accountview.projector.ingestion;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;

import com.accountview.projector.health.ProjectionStatus;
import com.accountview.projector.offsets.SeekToStoredOffsets;

/**
 * Reads each assigned partition's lag from the consumer (on the consumer's own thread, after each
 * batch and when idle) into the {@link ProjectionStatus} and the gauge
 * {@code accountview.projector.lag{topic,partition}}. Thread-safe.
 */
@Component
class ConsumerLag {

    private final ProjectionStatus status;
    private final MeterRegistry registry;
    private final SeekToStoredOffsets positioning;
    private final Set<TopicPartition> gauged = ConcurrentHashMap.newKeySet();

    ConsumerLag(ProjectionStatus status, MeterRegistry registry, SeekToStoredOffsets positioning) {
        this.status = status;
        this.registry = registry;
        this.positioning = positioning;
    }

    void record(Consumer<?, ?> consumer) {
        Set<TopicPartition> assignment = consumer.assignment();
        Set<TopicPartition> unmeasured = new HashSet<>();
        for (TopicPartition partition : assignment) {
            if (!positioning.isPositioned(partition)) {
                continue; // its lag stays unknown, and the projector not ready, until it is positioned
            }
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                measured(partition, lag.getAsLong());
            } else {
                unmeasured.add(partition);
            }
        }
        if (!unmeasured.isEmpty()) {
            // no fetch response yet (e.g. an idle partition): ask the broker for the end offsets
            consumer.endOffsets(unmeasured).forEach((partition, end) ->
                    measured(partition, Math.max(0, end - consumer.position(partition))));
        }
    }

    private void measured(TopicPartition partition, long lag) {
        status.lag(partition, lag);
        if (gauged.add(partition)) {
            Gauge.builder("accountview.projector.lag", status, s -> Math.max(0, s.lagOf(partition)))
                    .description("Records behind the end of the partition, as of the last poll")
                    .tag("topic", partition.topic())
                    .tag("partition", String.valueOf(partition.partition()))
                    .register(registry);
        }
    }

    @EventListener
    void onIdle(ListenerContainerIdleEvent idle) {
        Consumer<?, ?> consumer = idle.getConsumer();
        if (consumer != null) {
            // paused partitions deliver nothing, so idleness is when to retry positioning them
            positioning.positionPending(consumer);
            record(consumer);
        }
    }
}
