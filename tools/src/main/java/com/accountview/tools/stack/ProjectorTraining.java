package com.accountview.tools.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.accountview.tools.cli.ProgressBar;
import com.accountview.tools.generate.HistoryGenerator;
import com.accountview.tools.generate.HistorySettings;
import com.accountview.tools.publish.KafkaSink;
import com.accountview.tools.publish.TopicNames;

/**
 * The projector's AOT training run ({@link AotCache}): a generated history of {@value #ACCOUNTS}
 * accounts (about 400,000 records: contracts, duplicates, deliveries out of order, tombstones) on
 * topics of its own, projected by the projector into a database of its own on the same Kafka and
 * PostgreSQL as the real run, to its end; then the projector is stopped as any service is (SIGTERM),
 * and its JVM writes the cache as it exits. The cache then holds the JDK's classes a projection uses
 * and the profiles of their methods in one, so that a projector started from it compiles its hot path
 * sooner (docs/operations.md).
 * The topics and the database are deleted afterwards; the real read model and topics are never
 * touched. Not thread-safe.
 */
public final class ProjectorTraining implements AotCache.Training {

    static final int ACCOUNTS = 60_000;
    static final TopicNames TOPICS = new TopicNames("accountview.aot-training.accounts", "accountview.aot-training.contracts");
    static final String DATABASE = "accountview_aot_training";
    private static final String GROUP = "accountview-aot-training";
    private static final long SEED = 515;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final LocalPostgres postgres;
    private final String bootstrapServers;
    private final int partitions;
    private final String adminToken;
    private final Shutdown shutdown;
    private final Leftovers leftovers;

    /**
     * @param postgres the run's PostgreSQL: the training database is made there
     * @param bootstrapServers the run's Kafka: the training topics are made there
     * @param partitions partitions of each training topic (the run's own count: the same consumer work)
     * @param adminToken the token the training projector's admin endpoint is given (it serves no request)
     * @param shutdown the launcher's: stops the training projector when the launcher is stopped during the training
     * @param leftovers the launcher's: the next launcher stops a training projector a killed one left running
     */
    public ProjectorTraining(LocalPostgres postgres, String bootstrapServers, int partitions, String adminToken,
                             Shutdown shutdown, Leftovers leftovers) {
        this.postgres = postgres;
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.adminToken = adminToken;
        this.shutdown = shutdown;
        this.leftovers = leftovers;
    }

    @Override
    public void run(JavaRuntime java, List<String> jvmOptions, Path application, Path log) throws Exception {
        List<String> topics = TOPICS.withDeadLetterTopics();
        postgres.dropDatabase(DATABASE);
        postgres.createDatabase(DATABASE);
        // a launcher killed during an earlier training left its topics full: publishing again would double the history
        LocalKafka.createEmptyTopics(bootstrapServers, topics, partitions);
        try {
            publishHistory();
            Map<String, String> environment = ServiceEnvironment.projector(0, postgres.jdbcUrl(DATABASE), bootstrapServers,
                    TOPICS, adminToken);
            environment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", GROUP);
            ServiceProcess projector = ServiceProcess.start(java, "projector-aot-training", application, environment,
                    jvmOptions, List.of(), log);
            // a projector that nobody stops would run on, retrying its database once the launcher's is gone
            shutdown.onShutdown(null, projector::stop);
            leftovers.record(projector);
            try {
                awaitProjected(projector);
            } finally {
                // SIGTERM: the JVM writes the cache as it exits, within the stop's grace period
                projector.stop();
            }
        } finally {
            postgres.dropDatabase(DATABASE);
            LocalKafka.deleteTopics(bootstrapServers, topics);
        }
    }

    private void publishHistory() {
        HistorySettings history = new HistorySettings(SEED, ACCOUNTS, 2, 0.05, 0.1, List.of("training"),
                HistorySettings.DEFAULT_START);
        try (KafkaSink sink = new KafkaSink(bootstrapServers, TOPICS, Map.of())) {
            new HistoryGenerator(history).generate(sink, Optional.empty(), new ProgressBar("accounts", ACCOUNTS, Long.MAX_VALUE));
        }
    }

    private void awaitProjected(ServiceProcess projector) throws Exception {
        Deadline deadline = Deadline.after(TIMEOUT, "the training run's own limit");
        try (ProjectionWatch watch = ProjectionWatch.storedIn(bootstrapServers, postgres.jdbcUrl(DATABASE),
                List.of(TOPICS.accounts(), TOPICS.contracts()))) {
            deadline.await("the projector's AOT training run to project its history (log: " + projector.log() + ")",
                    projector::alive, () -> watch.progress().caughtUp());
        }
    }
}
