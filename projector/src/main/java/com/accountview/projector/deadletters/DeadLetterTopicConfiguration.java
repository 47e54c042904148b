package com.accountview.projector.deadletters;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import com.accountview.projector.TopicsProperties;

/**
 * Creates {@code <topic>.DLT} for both topics at start-up where the broker lets the projector
 * (Spring Kafka's admin leaves existing topics as they are).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterTopicConfiguration {

    @Bean
    NewTopic accountsDeadLetterTopic(TopicsProperties topics) {
        return TopicBuilder.name(DeadLetterTopics.topicOf(topics.accounts())).build();
    }

    @Bean
    NewTopic contractsDeadLetterTopic(TopicsProperties topics) {
        return TopicBuilder.name(DeadLetterTopics.topicOf(topics.contracts())).build();
    }
}
