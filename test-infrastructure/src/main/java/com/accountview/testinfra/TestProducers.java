package com.accountview.testinfra;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The producer the integration tests publish their events with. */
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
}
