package com.accountview.tools.stack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), run in this JVM on
 * 127.0.0.1, with its log directory kept across runs: formatted once, like
 * {@code kafka-storage.sh format}, then reused. Thread-safe.
 */
public final class LocalKafka {

    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration DELETION_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LEADER_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private LocalKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    public static LocalKafka start(Path logDir, int port, int controllerPort, int partitions) throws Exception {
        Files.createDirectories(logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir);
        }
        Map<String, Object> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDir.toAbsolutePath().toString());
        config.put("num.partitions", String.valueOf(partitions));
        // one node: every internal topic has one replica
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "4");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        // as in Docker Compose: a mistyped topic name fails instead of creating a topic nobody reads
        config.put("auto.create.topics.enable", "false");
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        server.startup();
        return new LocalKafka(server, "127.0.0.1:" + port);
    }

    private static void format(Path logDir) throws Exception {
        String directory = logDir.toAbsolutePath().toString();
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(directory)
                .setDirectories(List.of(directory))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates the topics that do not exist yet, with infinite retention: the topics are the source
     * of truth a rebuild replays. Returns once every new partition's leader serves it.
     */
    public void createTopics(List<String> names, int partitions) throws InterruptedException, ExecutionException {
        createTopics(bootstrapServers, names, partitions);
    }

    /** {@link #createTopics(List, int)} on the broker at {@code bootstrapServers}, wherever it runs. */
    public static void createTopics(String bootstrapServers, List<String> names, int partitions)
            throws InterruptedException, ExecutionException {
        try (Admin admin = admin(bootstrapServers)) {
            createMissing(admin, names, partitions);
        }
    }

    /**
     * Creates the topics {@code names} empty on the broker at {@code bootstrapServers}: any of them
     * that exists (left by a run that was killed before it deleted them) is deleted first, and created
     * again once the broker no longer lists it, so that nothing published before reaches whoever reads
     * them now. Waits at most a minute for the deletion.
     */
    static void createEmptyTopics(String bootstrapServers, List<String> names, int partitions)
            throws InterruptedException, ExecutionException {
        try (Admin admin = admin(bootstrapServers)) {
            List<String> leftovers = new ArrayList<>(names);
            leftovers.retainAll(topicNames(admin));
            if (!leftovers.isEmpty()) {
                admin.deleteTopics(leftovers).all().get();
                // the broker lists a deleted topic until it has applied the deletion: createMissing would skip it
                Deadline.after(DELETION_TIMEOUT, "the deletion's own limit").await("the broker to drop the deleted topics "
                        + leftovers, () -> true, () -> Collections.disjoint(topicNames(admin), leftovers));
            }
            createMissing(admin, names, partitions);
        }
    }

    /**
     * Removes every member of every consumer group on this broker; returns the groups that had any.
     * Called before the run's projector starts, when none of them can be alive: a projector that
     * outlived a killed launcher lost its broker before it could leave its group, the broker keeps
     * the group's members in its log, and a new member would get no partition until their session
     * timeout (45 s) had passed.
     */
    public List<String> removeGroupMembers() throws InterruptedException, ExecutionException {
        try (Admin admin = admin(bootstrapServers)) {
            List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                    .map(GroupListing::groupId).toList();
            List<String> withMembers = new ArrayList<>();
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all().get().values()) {
                if (!group.members().isEmpty()) {
                    RemoveMembersFromConsumerGroupOptions all = new RemoveMembersFromConsumerGroupOptions();
                    all.reason("left by an earlier ./accountview run");
                    admin.removeMembersFromConsumerGroup(group.groupId(), all).all().get();
                    withMembers.add(group.groupId());
                }
            }
            return withMembers;
        }
    }

    private static void createMissing(Admin admin, List<String> names, int partitions)
            throws InterruptedException, ExecutionException {
        Set<String> existing = topicNames(admin);
        List<NewTopic> missing = new ArrayList<>();
        for (String name : names) {
            if (!existing.contains(name)) {
                missing.add(new NewTopic(name, partitions, (short) 1).configs(Map.of("retention.ms", "-1")));
            }
        }
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get();
            awaitLeaders(admin, missing);
        }
    }

    /**
     * Returns once the leader of every partition of {@code topics} answers for it. A new partition is
     * in the broker's metadata a moment before its leader serves it, and an idempotent producer
     * writing to it in that moment with several requests in flight can have its first batch refused
     * and overtaken, then refused as out of order until its delivery timeout fails it (KAFKA-15591,
     * fixed in Kafka 4.5): the local run and the benchmark publish right after creating their topics.
     * The admin client retries a partition without a leader until its own timeout (60 s).
     */
    private static void awaitLeaders(Admin admin, List<NewTopic> topics) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (NewTopic topic : topics) {
            for (int partition = 0; partition < topic.numPartitions(); partition++) {
                ends.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
            }
        }
        Deadline.after(LEADER_TIMEOUT, "the topics' creation's own limit").await("the leaders of the new topics "
                + topics.stream().map(NewTopic::name).toList(), () -> true, () -> leadersAnswer(admin, ends));
    }

    /**
     * The controller has created a topic before the broker's own metadata has it; meanwhile the admin
     * client says the topic is unknown, at once, where for a partition without a leader it waits.
     */
    private static boolean leadersAnswer(Admin admin, Map<TopicPartition, OffsetSpec> ends) {
        try {
            admin.listOffsets(ends).all().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new LocalStackException("could not ask the new topics' leaders for their offsets", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while asking the new topics' leaders for their offsets", e);
        }
    }

    private static Set<String> topicNames(Admin admin) {
        try {
            return admin.listTopics().names().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while listing the broker's topics", e);
        } catch (ExecutionException e) {
            throw new LocalStackException("could not list the broker's topics", e.getCause());
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Deletes the topics {@code names} on the broker at {@code bootstrapServers}, waiting until it has accepted. */
    static void deleteTopics(String bootstrapServers, List<String> names) throws InterruptedException, ExecutionException {
        try (Admin admin = admin(bootstrapServers)) {
            admin.deleteTopics(names).all().get();
        }
    }

    public void stop() {
        server.shutdown();
        server.awaitShutdown();
    }
}
