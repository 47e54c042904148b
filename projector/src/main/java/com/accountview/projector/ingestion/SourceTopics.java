package com.accountview.projector.ingestion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.accountview.projector.TopicsProperties;

/**
 * Checks once, at start-up, that the topics the projector consumes exist ({@code
 * accountview.topics.must-exist}), before any topic is created or consumed: a mistyped name would
 * otherwise be consumed as an empty topic (or created by a broker that creates topics on demand)
 * while the projector reports ready. Only the broker's "no such topic" fails the start; a broker that
 * does not answer in time is no reason to, as consumption waits for it anyway (logged).
 */
@Component
final class SourceTopics implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SourceTopics.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaAdmin kafkaAdmin;
    private final TopicsProperties topics;

    SourceTopics(KafkaAdmin kafkaAdmin, TopicsProperties topics) {
        this.kafkaAdmin = kafkaAdmin;
        this.topics = topics;
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        if (!topics.mustExist()) {
            return;
        }
        Map<String, Object> config = kafkaAdmin.getConfigurationProperties();
        List<String> missing = new ArrayList<>();
        long deadline = System.nanoTime() + CHECK_TIMEOUT.toNanos();
        Admin admin = Admin.create(config);
        try {
            Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(
                    List.of(topics.accounts(), topics.contracts()),
                    new DescribeTopicsOptions().timeoutMs((int) CHECK_TIMEOUT.toMillis())).topicNameValues();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : described.entrySet()) {
                try {
                    // the option bounds the describe call only: finding a broker to ask waits the client's 60 s
                    topic.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                        missing.add(topic.getKey());
                    } else {
                        uncheckable(topic.getKey(), e.getCause().toString());
                    }
                } catch (TimeoutException e) {
                    uncheckable(topic.getKey(), "no broker answered at " + bootstrapServers(
                            config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) + " within " + CHECK_TIMEOUT.toSeconds() + " s");
                }
            }
        } finally {
            admin.close(Duration.ZERO);
        }
        if (!missing.isEmpty()) {
            throw new MissingTopicsException(missing, bootstrapServers(config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)));
        }
    }

    private static void uncheckable(String topic, String why) {
        log.warn("Could not check that topic {} exists ({}); consumption waits for the broker", topic, why);
    }

    /** As the setting is written: Spring Boot hands the admin client a list, which would print in brackets. */
    private static String bootstrapServers(Object setting) {
        return setting instanceof Collection<?> servers
                ? servers.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(setting);
    }
}
