package com.accountview.projector.ingestion;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import com.accountview.projector.ProjectionProperties;
import com.accountview.projector.TopicsProperties;

/**
 * Consumption policy. Boot's listener container factory picks up these beans: a failed batch is
 * retried with capped exponential back-off forever (consumption of the partitions paused
 * meanwhile), never skipped or sent to a dead-letter topic; malformed records are dead-lettered by
 * the projection itself, record by record.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    CommonErrorHandler retryBatchesForever(ProjectionProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            // unreachable with an unlimited back-off; refuse to move past a record silently all the same
            throw new IllegalStateException("Retries of a batch ended", exception);
        }, backOff);
        handler.setAckAfterHandle(false);
        return handler;
    }

    @Bean
    NewTopic accountsDeadLetterTopic(TopicsProperties topics) {
        return TopicBuilder.name(topics.accounts() + ".DLT").build();
    }

    @Bean
    NewTopic contractsDeadLetterTopic(TopicsProperties topics) {
        return TopicBuilder.name(topics.contracts() + ".DLT").build();
    }
}
