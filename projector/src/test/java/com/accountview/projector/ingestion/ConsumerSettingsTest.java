package com.accountview.projector.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

class ConsumerSettingsTest {

    private static ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory(Map<String, Object> consumerConfig) {
        ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumerConfig));
        return factory;
    }

    @Test
    void theLiveSettingsAreSpringKafkas() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getListener().setConcurrency(2);

        ConsumerSettings live = ConsumerSettings.live(kafka, factory(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000)));

        assertThat(live).isEqualTo(new ConsumerSettings(2, 5000));
    }

    @Test
    void unsetLiveSettingsAreTheDefaultsOfSpringKafkaAndTheKafkaClient() {
        ConsumerSettings live = ConsumerSettings.live(new KafkaProperties(), factory(Map.of()));

        assertThat(live).isEqualTo(new ConsumerSettings(1, ConsumerConfig.DEFAULT_MAX_POLL_RECORDS));
    }

    @Test
    void aMaxPollRecordsGivenAsTextCountsTheSame() {
        ConsumerSettings live = ConsumerSettings.live(new KafkaProperties(),
                factory(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "750")));

        assertThat(live.maxPollRecords()).isEqualTo(750);
    }
}
