package com.accountview.projector.deadletters;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import com.accountview.projector.TopicsProperties;

/** The dead-letter topics of both consumed topics, created where missing (see {@link MissingDeadLetterTopics}). */
@Configuration(proxyBeanMethods = false)
class DeadLetterTopicConfiguration {

    /** One attempt's wait for the broker, and the longest pause between attempts. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

    @Bean
    MissingDeadLetterTopics missingDeadLetterTopics(KafkaAdmin kafkaAdmin, TopicsProperties topics) {
        return new MissingDeadLetterTopics(kafkaAdmin.getConfigurationProperties(),
                List.of(DeadLetterTopics.topicOf(topics.accounts()), DeadLetterTopics.topicOf(topics.contracts())),
                ATTEMPT_TIMEOUT, MAX_INTERVAL);
    }
}
