package com.accountview.projector.offsets;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lag of one generation's assigned partitions: measured on a consumer's thread into that
 * consumer's {@link ConsumerPartitions}, and published as one gauge per partition
 * ({@code accountview.projector.lag}) that reads whichever consumer owns the partition now.
 * Thread-safe: gauges are read from any thread.
 */
final class PartitionLag {

    private static final Logger log = LoggerFactory.getLogger(PartitionLag.class);
    /** On the consumer's thread: a broker that does not answer in time leaves the lag to the next measurement. */
    private static final Duration END_OFFSETS_TIMEOUT = Duration.ofSeconds(5);

    private final int generation;
    private final MeterRegistry registry;
    private final Supplier<Collection<ConsumerPartitions>> consumers;
    private final Map<TopicPartition, Gauge> gauges = new ConcurrentHashMap<>();

    PartitionLag(int generation, MeterRegistry registry, Supplier<Collection<ConsumerPartitions>> consumers) {
        this.generation = generation;
        this.registry = registry;
        this.consumers = consumers;
    }

    /**
     * Measures the lag of the consumer's positioned partitions. A broker that does not answer is no
     * failure: the lag is measured again after the next batch or idle poll.
     */
    void measureIfBrokerAnswers(Consumer<?, ?> consumer, ConsumerPartitions state) {
        try {
            measure(consumer, state);
        } catch (WakeupException | InterruptException e) {
            throw e; // the container stopping: not ours to swallow
        } catch (KafkaException e) {
            log.debug("The lag of {} is measured after the next batch or idle poll: {}", consumer.assignment(),
                    e.toString());
        }
    }

    private void measure(Consumer<?, ?> consumer, ConsumerPartitions state) {
        Set<TopicPartition> unmeasured = new HashSet<>();
        for (TopicPartition partition : consumer.assignment()) {
            if (!state.isPositioned(partition)) {
                continue; // its lag stays unknown, and the projector not ready, until it is positioned
            }
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                measured(state, partition, lag.getAsLong());
            } else {
                unmeasured.add(partition);
            }
        }
        if (!unmeasured.isEmpty()) {
            // no fetch response yet (e.g. an idle partition): ask the broker for the end offsets
            consumer.endOffsets(unmeasured, END_OFFSETS_TIMEOUT).forEach((partition, end) ->
                    measured(state, partition, Math.max(0, end - consumer.position(partition))));
        }
    }

    private void measured(ConsumerPartitions state, TopicPartition partition, long lag) {
        state.lag(partition, lag);
        gauges.computeIfAbsent(partition, p -> Gauge.builder("accountview.projector.lag", this, owner -> owner.lagOf(p))
                .description("Records behind the end of the partition, as of the last poll; NaN while not measured")
                .tag("topic", p.topic())
                .tag("partition", String.valueOf(p.partition()))
                .tag("generation", String.valueOf(generation))
                .register(registry));
    }

    /** The lag of a partition as last measured by whichever consumer owns it; NaN if none has. */
    private double lagOf(TopicPartition partition) {
        return consumers.get().stream()
                .map(state -> state.lag().get(partition))
                .filter(Objects::nonNull)
                .filter(lag -> lag != AssignedPartitions.UNKNOWN_LAG)
                .findFirst()
                .map(Long::doubleValue)
                .orElse(Double.NaN);
    }

    /** Removes the gauges, when the generation's consumption ends. */
    void close() {
        gauges.values().forEach(registry::remove);
        gauges.clear();
    }
}
