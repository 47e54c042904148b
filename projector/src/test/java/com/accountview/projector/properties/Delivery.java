package com.accountview.projector.properties;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import com.accountview.contract.EntityKind;

/**
 * One way Kafka may hand a history to the projector. Each key lives in one partition of its topic
 * (chosen at random among fresh partitions), so a key's events keep their published order while keys
 * interleave at random; offsets grow per partition, with the gaps compaction leaves. The records
 * are then polled in batches of random size, and now and then a consumer rewinds (a crash before
 * the Kafka commit, a rebalance) and polls again records that earlier batches applied.
 * Immutable once planned.
 */
public final class Delivery {

    /** A record as the consumer sees it. */
    public record DeliveredRecord(UpstreamEvent event, TopicPartition partition, ConsumerRecord<byte[], byte[]> record) {
    }

    /**
     * One poll: the records {@code from} (inclusive) to {@code to} (exclusive) of the delivery order,
     * of which the first {@code redelivered} were applied by earlier batches.
     */
    public record Batch(int from, int to, int redelivered) {
    }

    private static final long RECORD_TIMESTAMP = 1_780_000_000_000L;

    private final List<DeliveredRecord> order;
    private final List<Batch> batches;

    private Delivery(List<DeliveredRecord> order, List<Batch> batches) {
        this.order = List.copyOf(order);
        this.batches = List.copyOf(batches);
    }

    /** @param freshPartition hands out partition numbers that no earlier plan used, per topic */
    public static Delivery random(UpstreamHistory history, Random random, String accountsTopic, String contractsTopic,
                                  IntSupplier freshPartition) {
        Map<EntityKind, String> topics = Map.of(EntityKind.ACCOUNT, accountsTopic, EntityKind.CONTRACT, contractsTopic);
        Map<EntityKind, List<Integer>> partitions = new HashMap<>();
        topics.keySet().forEach(kind -> partitions.put(kind,
                IntStream.range(0, 1 + random.nextInt(3)).mapToObj(i -> freshPartition.getAsInt()).toList()));

        List<Deque<DeliveredRecordDraft>> queues = new ArrayList<>();
        history.publishOrder().forEach((entity, events) -> {
            List<Integer> ofTopic = partitions.get(entity.kind());
            TopicPartition partition = new TopicPartition(topics.get(entity.kind()),
                    ofTopic.get(random.nextInt(ofTopic.size())));
            Deque<DeliveredRecordDraft> queue = new ArrayDeque<>();
            events.forEach(event -> queue.add(new DeliveredRecordDraft(event, partition)));
            queues.add(queue);
        });

        Map<TopicPartition, Long> nextOffsets = new HashMap<>();
        List<DeliveredRecord> order = new ArrayList<>();
        while (!queues.isEmpty()) {
            int pick = random.nextInt(queues.size());
            DeliveredRecordDraft draft = queues.get(pick).poll();
            if (queues.get(pick).isEmpty()) {
                queues.remove(pick);
            }
            long offset = nextOffsets.computeIfAbsent(draft.partition(), p -> random.nextBoolean() ? 0L : random.nextInt(1000));
            // compaction leaves gaps in the offsets
            nextOffsets.put(draft.partition(), offset + (random.nextInt(10) == 0 ? 2 + random.nextInt(3) : 1));
            order.add(new DeliveredRecord(draft.event(), draft.partition(),
                    consumed(draft.event().record(draft.partition().topic()), draft.partition(), offset)));
        }
        return new Delivery(order, batches(order.size(), random));
    }

    /**
     * Random batch boundaries, now and then all the rest in one batch; sometimes a rewind first, back
     * a few records or to the very start.
     */
    private static List<Batch> batches(int records, Random random) {
        List<Batch> batches = new ArrayList<>();
        int applied = 0;
        while (applied < records) {
            int back = 0;
            if (applied > 0 && random.nextInt(4) == 0) {
                back = random.nextInt(10) == 0 ? applied : 1 + random.nextInt(Math.min(applied, 8));
            }
            int forward;
            if (back > 0 && random.nextInt(3) == 0) {
                forward = 0;
            } else if (random.nextInt(10) == 0) {
                forward = records - applied;
            } else {
                forward = 1 + random.nextInt(Math.min(records - applied, 1 + random.nextInt(10)));
            }
            batches.add(new Batch(applied - back, applied + forward, back));
            applied += forward;
        }
        return batches;
    }

    private static ConsumerRecord<byte[], byte[]> consumed(ProducerRecord<byte[], byte[]> produced,
                                                           TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, RECORD_TIMESTAMP,
                TimestampType.CREATE_TIME, produced.key() == null ? -1 : produced.key().length,
                produced.value() == null ? -1 : produced.value().length, produced.key(), produced.value(),
                new RecordHeaders(produced.headers().toArray()), Optional.empty());
    }

    /** Every delivered record once, in delivery order (without redeliveries). */
    public List<DeliveredRecord> order() {
        return order;
    }

    public List<Batch> batches() {
        return batches;
    }

    public List<ConsumerRecord<byte[], byte[]>> records(Batch batch) {
        return order.subList(batch.from(), batch.to()).stream().map(DeliveredRecord::record).toList();
    }

    public String describe() {
        String records = IntStream.range(0, order.size()).mapToObj(i -> {
            DeliveredRecord delivered = order.get(i);
            return "  #%d partition %d offset %d: %s %s".formatted(i, delivered.partition().partition(),
                    delivered.record().offset(), delivered.event().entity().label(), delivered.event().describe());
        }).collect(Collectors.joining("\n"));
        String polls = batches.stream().map(batch -> "#%d..#%d%s".formatted(batch.from(), batch.to() - 1,
                batch.redelivered() > 0 ? " (" + batch.redelivered() + " redelivered)" : ""))
                .collect(Collectors.joining(", "));
        return "Delivery order:\n" + records + "\nBatches: " + polls;
    }

    private record DeliveredRecordDraft(UpstreamEvent event, TopicPartition partition) {
    }
}
