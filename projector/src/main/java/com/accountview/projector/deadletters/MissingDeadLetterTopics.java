package com.accountview.projector.deadletters;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Creates the dead-letter topics ({@code <topic>.DLT}) the broker does not have yet, with the
 * broker's default partitions and replication, on a thread of its own from start-up until each one
 * exists: the start never waits for the broker, and a broker that does not answer at start-up gets
 * the topics once it does (retried with a back-off capped at a minute), so that the first dead
 * letter finds its topic. Until then a dead letter fails its batch like any outage, and the batch is
 * retried. Existing topics are left as they are; a refusal that retrying cannot cure (not
 * authorized, a policy) is logged once, and the topic is left to the operator. Starts before the
 * consumers and stops after them. Thread-safe.
 */
final class MissingDeadLetterTopics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MissingDeadLetterTopics.class);
    /** Before the listener containers, which start in phase {@code Integer.MAX_VALUE - 100}. */
    private static final int PHASE = 0;

    private final Map<String, Object> adminConfig;
    private final List<String> topics;
    private final Duration attemptTimeout;
    private final ExponentialBackOff backOff;
    private volatile Thread worker;

    /**
     * @param adminConfig    the admin client's settings (the application's bootstrap servers, security)
     * @param topics         the dead-letter topics to create where missing
     * @param attemptTimeout how long one attempt waits for the broker
     * @param maxInterval    the longest pause between attempts
     */
    MissingDeadLetterTopics(Map<String, Object> adminConfig, List<String> topics, Duration attemptTimeout,
                            Duration maxInterval) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.topics = List.copyOf(topics);
        this.attemptTimeout = attemptTimeout;
        this.backOff = new ExponentialBackOff(Math.min(1_000, maxInterval.toMillis()), 2.0);
        this.backOff.setMaxInterval(maxInterval.toMillis());
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::createUntilDone, "dead-letter-topics");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** While topics are still being created. */
    @Override
    public boolean isRunning() {
        Thread thread = worker;
        return thread != null && thread.isAlive();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void createUntilDone() {
        Map<String, String> missing = new LinkedHashMap<>();
        topics.forEach(topic -> missing.put(topic, "not tried yet"));
        BackOffExecution pauses = backOff.start();
        try {
            while (!missing.isEmpty()) {
                try {
                    attempt(missing);
                } catch (RuntimeException e) {
                    // e.g. a broker name that does not resolve (yet): as transient as a broker that does not answer
                    missing.replaceAll((topic, reason) -> e.toString());
                }
                if (!missing.isEmpty()) {
                    long pause = pauses.nextBackOff();
                    log.warn("Dead-letter topics {} not created yet ({}); trying again in {} s (a dead letter"
                                    + " meanwhile fails its batch, which is retried)", missing.keySet(),
                            missing.values().iterator().next(), pause / 1000);
                    Thread.sleep(pause);
                }
            }
        } catch (InterruptedException e) {
            // stopping: whatever is missing is created at the next start
            Thread.currentThread().interrupt();
        }
    }

    /** As the setting is written: Spring Boot hands the admin client a list, which would print in brackets. */
    private String brokers() {
        Object servers = adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        return servers instanceof Collection<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(servers);
    }

    /** Removes the topics that need no other attempt and keeps, for the others, why they failed. */
    private void attempt(Map<String, String> missing) throws InterruptedException {
        Admin admin = Admin.create(adminConfig);
        try {
            Map<String, KafkaFuture<Void>> created = admin.createTopics(
                    missing.keySet().stream().map(name -> new NewTopic(name, Optional.empty(), Optional.empty())).toList(),
                    new CreateTopicsOptions().timeoutMs((int) attemptTimeout.toMillis())).values();
            long deadline = System.nanoTime() + attemptTimeout.toNanos();
            for (Map.Entry<String, KafkaFuture<Void>> topic : created.entrySet()) {
                try {
                    // the option bounds the create call only: finding a broker to ask waits the client's 60 s
                    topic.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    log.info("Created dead-letter topic {}", topic.getKey());
                    missing.remove(topic.getKey());
                } catch (ExecutionException e) {
                    // too few brokers for the default replication: some may still be registering
                    if (e.getCause() instanceof RetriableException
                            || e.getCause() instanceof InvalidReplicationFactorException) {
                        missing.put(topic.getKey(), e.getCause().toString());
                        continue;
                    }
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        log.warn("Could not create dead-letter topic {}: {}; create it, or a dead letter of its topic"
                                + " will fail its batch until it exists", topic.getKey(), e.getCause().toString());
                    }
                    missing.remove(topic.getKey());
                } catch (TimeoutException e) {
                    missing.put(topic.getKey(), "no broker answered at " + brokers() + " within "
                            + attemptTimeout.toSeconds() + " s");
                }
            }
        } finally {
            // what is still pending (no answer in time, or stopping) is abandoned, not waited for
            admin.close(Duration.ZERO);
        }
    }
}
