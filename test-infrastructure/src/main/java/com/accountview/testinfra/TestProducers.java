package com.accountview.testinfra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The producer the integration tests publish their events with, and how they publish through it. */
public final class TestProducers {

    private TestProducers() {
    }

    /**
     * An idempotent producer of raw records, acknowledged by all replicas, with one request in flight:
     * the tests publish to topics their projector created moments before, and with more in flight a
     * batch the broker refused while it was still creating the partition can be overtaken by the next
     * batch, after which its retries are out of order until the delivery timeout fails it (Kafka's
     * KAFKA-15591, fixed in 4.5). The caller closes it.
     */
    public static KafkaProducer<byte[], byte[]> rawRecords(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /**
     * Publishes the records in order, pipelined (all sent before the first acknowledgement is awaited,
     * not one round trip each), waits for the broker's acknowledgements and returns where each landed.
     */
    public static List<RecordMetadata> publishAll(Producer<byte[], byte[]> producer,
            List<ProducerRecord<byte[], byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        records.forEach(record -> sent.add(producer.send(record)));
        List<RecordMetadata> landed = new ArrayList<>(records.size());
        for (int i = 0; i < sent.size(); i++) {
            try {
                landed.add(sent.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                // the cause in the message: a test report's summary line shows the message only
                throw new IllegalStateException("Could not publish record %d of %d (topic %s): %s".formatted(i + 1,
                        records.size(), records.get(i).topic(), e.getCause()), e.getCause());
            }
        }
        return landed;
    }
}
