package com.accountview.projector.ingestion;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * How a pipeline consumes: its consumer threads on this instance and the records of one poll. A
 * rebuilding generation has the {@code accountview.rebuild.*} ones, the live generation Spring
 * Kafka's. Immutable.
 */
record ConsumerSettings(int concurrency, int maxPollRecords) {

    ConsumerSettings {
        if (concurrency < 1 || maxPollRecords < 1) {
            throw new IllegalArgumentException("consumer threads and records per poll must be positive, were "
                    + concurrency + " and " + maxPollRecords);
        }
    }

    /** Before the container starts: it takes a new concurrency only at its next start. */
    void applyTo(ConcurrentMessageListenerContainer<?, ?> container) {
        container.setConcurrency(concurrency);
        Properties overrides = new Properties();
        overrides.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords));
        container.getContainerProperties().setKafkaConsumerProperties(overrides);
    }

    @Override
    public String toString() {
        return concurrency + " consumer thread(s), " + maxPollRecords + " records per poll";
    }
}
