package com.accountview.projector.ingestion;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import com.accountview.projector.RebuildProperties;

/**
 * How a pipeline consumes: its consumer threads on this instance and the records of one poll. A
 * rebuilding generation has the {@code accountview.rebuild.*} ones, the live generation Spring
 * Kafka's. Immutable.
 */
record ConsumerSettings(int concurrency, int maxPollRecords) {

    ConsumerSettings {
        if (concurrency < 1 || maxPollRecords < 1) {
            throw new IllegalArgumentException("consumer threads and records per poll must be positive, were "
                    + concurrency + " and " + maxPollRecords + " (spring.kafka.listener.concurrency and"
                    + " spring.kafka.consumer.max-poll-records; for a rebuild accountview.rebuild.concurrency and"
                    + " accountview.rebuild.max-poll-records)");
        }
    }

    /**
     * The live projection's: Spring Kafka's {@code spring.kafka.listener.concurrency} (its default, 1,
     * when unset) and the consumer factory's {@code max.poll.records} (the Kafka client's default when unset).
     */
    static ConsumerSettings live(KafkaProperties kafka, ConcurrentKafkaListenerContainerFactory<?, ?> factory) {
        Integer concurrency = kafka.getListener().getConcurrency();
        Object maxPollRecords = factory.getConsumerFactory().getConfigurationProperties()
                .get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
        return new ConsumerSettings(concurrency == null ? 1 : concurrency, maxPollRecords == null
                ? ConsumerConfig.DEFAULT_MAX_POLL_RECORDS : Integer.parseInt(maxPollRecords.toString()));
    }

    /** A rebuild's: {@code accountview.rebuild.concurrency} and {@code max-poll-records}. */
    static ConsumerSettings rebuild(RebuildProperties properties) {
        return new ConsumerSettings(properties.concurrency(), properties.maxPollRecords());
    }

    /** Before the container starts: it takes a new concurrency only at its next start. */
    void applyTo(ConcurrentMessageListenerContainer<?, ?> container) {
        container.setConcurrency(concurrency);
        Properties overrides = new Properties();
        overrides.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords));
        // whatever spring.kafka.consumer.auto-offset-reset says: every position comes from the stored
        // offsets, and one the broker no longer has must be seen, not reset past (PositionsOutOfRange)
        overrides.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        container.getContainerProperties().setKafkaConsumerProperties(overrides);
    }

    @Override
    public String toString() {
        return concurrency + " consumer thread(s), " + maxPollRecords + " records per poll";
    }
}
