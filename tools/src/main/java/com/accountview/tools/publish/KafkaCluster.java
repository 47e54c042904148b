package com.accountview.tools.publish;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The Kafka cluster a command is about to publish to, asked first: does a broker answer, and do the
 * topics exist. Without asking, a wrong address shows only after the producer's 20 s wait for
 * metadata, as a missing topic, and a mistyped topic is created by a broker that creates topics on
 * first use. Stateless.
 */
public final class KafkaCluster {

    /** Long enough for a broker under load, short enough that a wrong address is told soon. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The start of the message of Kafka's {@code ClientUtils} when no bootstrap address resolves. */
    private static final String NO_RESOLVABLE_ADDRESS = "No resolvable bootstrap urls";

    private KafkaCluster() {
    }

    /**
     * Throws a {@link PublishFailedException} unless a broker at {@code bootstrapServers} answers within
     * {@code timeout} and every topic of {@code topics} exists. {@code clientProperties} are the
     * {@code -X} settings, which hold the security settings the admin client needs as much as the producer.
     */
    public static void requireTopics(String bootstrapServers, Map<String, String> clientProperties,
                                     Collection<String> topics, Duration timeout) {
        Set<String> existing = topicsAt(bootstrapServers, clientProperties, timeout);
        for (String topic : topics) {
            if (!existing.contains(topic)) {
                List<String> alike = TopicSuggestions.alike(topic, existing);
                throw new PublishFailedException("topic " + topic + " does not exist at " + bootstrapServers
                        + (alike.isEmpty() ? "" : " (did you mean " + String.join(" or ", alike) + "?)"));
            }
        }
    }

    private static Set<String> topicsAt(String bootstrapServers, Map<String, String> clientProperties, Duration timeout) {
        Properties config = new Properties();
        config.putAll(clientProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "accountview-tools-check");
        Admin admin = adminOf(config, bootstrapServers);
        try (admin) {
            return admin.listTopics(new ListTopicsOptions().timeoutMs((int) timeout.toMillis())).names()
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | ExecutionException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
                throw new PublishFailedException("no Kafka broker answers at " + bootstrapServers + " (waited "
                        + timeout.toSeconds() + " s; check --bootstrap-servers, and that Kafka runs)", cause);
            }
            throw new PublishFailedException("Kafka at " + bootstrapServers + " did not list its topics: "
                    + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while asking Kafka at " + bootstrapServers + " for its topics", e);
        }
    }

    /** Kafka's clients parse and resolve the addresses when they are made, before any broker is asked. */
    private static Admin adminOf(Properties config, String bootstrapServers) {
        try {
            return Admin.create(config);
        } catch (KafkaException e) {
            Throwable cause = e.getCause() instanceof ConfigException ? e.getCause() : e;
            if (String.valueOf(cause.getMessage()).startsWith(NO_RESOLVABLE_ADDRESS)) {
                throw new PublishFailedException("no host name in " + bootstrapServers
                        + " resolves (check --bootstrap-servers)", e);
            }
            throw new PublishFailedException("Kafka's client refused its settings: " + cause.getMessage(), e);
        }
    }
}
