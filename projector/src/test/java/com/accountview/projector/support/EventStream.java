package com.accountview.projector.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import com.accountview.testinfra.TestProducers;

/**
 * Publishes records to the real broker and waits until the projector has consumed them, as its
 * stored offsets (committed with the read model) show.
 */
public final class EventStream implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final ReadModel readModel;

    public EventStream(String bootstrapServers, ReadModel readModel) {
        this.producer = TestProducers.rawRecords(bootstrapServers);
        this.readModel = readModel;
    }

    /** Publishes one record and returns where it landed. */
    public RecordMetadata send(ProducerRecord<byte[], byte[]> record) {
        return TestProducers.publishAll(producer, List.of(record)).get(0);
    }

    /** Publishes many records at once (pipelined, not one round trip each) and waits for the broker's acknowledgements. */
    public void publishAll(List<ProducerRecord<byte[], byte[]>> records) {
        TestProducers.publishAll(producer, records);
    }

    /** Publishes records and waits until the projector has consumed each of them. */
    @SafeVarargs
    public final void sendAndAwait(ProducerRecord<byte[], byte[]>... records) {
        List<RecordMetadata> sent = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> record : records) {
            sent.add(send(record));
        }
        sent.forEach(this::awaitConsumed);
    }

    /** Waits until the projector's stored offset of the record's partition is past the record. */
    public void awaitConsumed(RecordMetadata record) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> readModel.storedOffsets(record.topic()).getOrDefault(record.partition(), 0L) > record.offset());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
