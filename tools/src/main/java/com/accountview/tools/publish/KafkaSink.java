package com.accountview.tools.publish;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import com.accountview.contract.EntityKind;
import com.accountview.tools.contract.OutgoingRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes records to Kafka in structured mode: key = entity id, value = the CloudEvent JSON,
 * header {@code content-type: application/cloudevents+json}; tombstones have a null value and no
 * header. An idempotent producer with {@code acks=all}, so each key's records land in the order
 * they were accepted. Not thread-safe.
 */
public final class KafkaSink implements EventSink {

    private static final String CONTENT_TYPE = "application/cloudevents+json";

    private final KafkaProducer<byte[], byte[]> producer;
    private final TopicNames topics;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final Map<String, Long> published = new TreeMap<>();
    private final Map<String, Integer> partitionCounts = new HashMap<>();
    private final Acknowledgements acknowledgements = new Acknowledgements();
    private boolean closed;

    public KafkaSink(String bootstrapServers, TopicNames topics, Map<String, String> producerProperties) {
        this.topics = topics;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "accountview-tools");
        // a command line should not sit silent for the default minute when the cluster is unreachable
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        config.putAll(producerProperties);
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void accept(OutgoingRecord record) {
        throwIfFailed();
        long number = acknowledgements.handOver();
        producer.send(kafkaRecord(topics.of(record.topic()), record), (metadata, exception) -> {
            if (exception != null) {
                firstFailure.compareAndSet(null, exception);
            } else {
                acknowledgements.acknowledge(number);
            }
        });
        published.merge(topics.of(record.topic()), 1L, Long::sum);
    }

    /** The Kafka record of {@code record} on {@code topic}, in structured mode. */
    static ProducerRecord<byte[], byte[]> kafkaRecord(String topic, OutgoingRecord record) {
        ProducerRecord<byte[], byte[]> kafkaRecord = new ProducerRecord<>(topic, bytes(record.key()), bytes(record.value()));
        if (!record.isTombstone()) {
            kafkaRecord.headers().add(new RecordHeader("content-type", bytes(CONTENT_TYPE)));
        }
        return kafkaRecord;
    }

    @Override
    public void flush() {
        producer.flush();
        throwIfFailed();
    }

    /**
     * The partition {@link #accept} sends a keyed record to, by the producer's own function for keyed
     * records: this holds as long as no partitioner is configured and the topic keeps its partitions.
     */
    public int partitionOf(OutgoingRecord record) {
        return BuiltInPartitioner.partitionForKey(bytes(record.key()), partitionCount(record.topic()));
    }

    /** The partitions of a logical topic's Kafka topic, as the producer's metadata has them. */
    public int partitionCount(EntityKind topic) {
        return partitionCounts.computeIfAbsent(topics.of(topic), name -> producer.partitionsFor(name).size());
    }

    /** Records accepted per topic name. */
    public Map<String, Long> publishedPerTopic() {
        return new TreeMap<>(published);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            producer.flush();
        } finally {
            producer.close();
        }
        throwIfFailed();
    }

    private void throwIfFailed() {
        Exception failure = firstFailure.get();
        if (failure != null) {
            if (!closed) {
                producer.flush(); // settles the records in flight, so that what the failure tells is final
            }
            throw new RecordsNotAcknowledgedException(failure, acknowledgements.progress());
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
