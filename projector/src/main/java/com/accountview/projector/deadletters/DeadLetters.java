package com.accountview.projector.deadletters;

import java.util.List;

/**
 * Publishes records that cannot be applied to {@code <topic>.DLT}: the original key, value and
 * headers, plus spring-kafka's standard {@code kafka_dlt-*} headers naming the failure (class and
 * message, never a stack trace) and where the record came from (topic, partition, offset,
 * timestamp, consumer group). Thread-safe.
 */
public interface DeadLetters {

    /**
     * Publishes the dead letters together and waits, for a bounded time, until the broker has
     * acknowledged every one, so that their offsets may be recorded as consumed afterwards. A dead
     * letter the dead-letter topic refuses for its size is published once more without its value
     * and original headers; the headers then say so and where the original is.
     *
     * @throws RuntimeException if some dead letter could not be published (broker unreachable,
     *                          topic missing or not authorized, timeout): the batch is retried
     */
    void publish(List<DeadLetter> deadLetters);
}
