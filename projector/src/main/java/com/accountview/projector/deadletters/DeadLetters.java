package com.accountview.projector.deadletters;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.accountview.projector.events.UnableToDecodeEventException;

/**
 * Publishes malformed records to {@code <topic>.DLT}: the original key, value and headers, plus
 * spring-kafka's standard {@code kafka_dlt-*} headers naming the error and the source topic,
 * partition and offset. Thread-safe.
 */
public interface DeadLetters {

    /**
     * Publishes and waits until the broker acknowledged it, so that the record's offset may be
     * recorded as consumed afterwards.
     *
     * @throws RuntimeException if the dead letter could not be published (the batch is retried)
     */
    void publish(ConsumerRecord<byte[], byte[]> record, UnableToDecodeEventException reason);
}
