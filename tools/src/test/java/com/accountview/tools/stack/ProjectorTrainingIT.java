package com.accountview.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.accountview.tools.publish.TopicNames;

/**
 * The projector's AOT cache made from the built jar by a real Java 25+ ({@link Java25}; skipped without
 * one) in a training run on the launcher's real PostgreSQL and KRaft broker: the run projects its own
 * history, leaves neither its database nor its topics behind, and its cache starts the projector under
 * {@code -XX:AOTMode=on}, which refuses to start with a cache it cannot use.
 */
class ProjectorTrainingIT {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:GCTimeRatio=49");
    /** The projector refuses an admin token under 16 characters. */
    private static final String ADMIN_TOKEN = "training-it-admin-token";

    @TempDir
    Path directory;

    private JavaRuntime java;
    private LocalPostgres postgres;
    private LocalKafka kafka;

    @BeforeEach
    void start() throws Exception {
        Optional<JavaRuntime> found = Java25.find();
        assumeTrue(found.isPresent(), "no Java 25 or later on this machine");
        java = found.get();
        int[] ports = LoopbackPorts.free(3);
        postgres = LocalPostgres.start(directory.resolve("postgres"), ports[0], directory.resolve("postgres.log"));
        kafka = LocalKafka.start(directory.resolve("kafka"), ports[1], ports[2], 3);
    }

    @AfterEach
    void stop() throws Exception {
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    void theTrainingRunProjectsAHistoryOfItsOwnAndItsCacheStartsTheProjector() throws Exception {
        Path cacheDirectory = directory.resolve("aot-cache");
        Path trainingLog = directory.resolve("training.log");
        StringWriter said = new StringWriter();
        Console console = new Console(new PrintWriter(said, true));
        Path projectorJar = ServiceJars.locate(PROJECT).projector();

        JarLaunch launch = AotCache.prepare(java, "projector", projectorJar, AotCache.Layout.EXECUTABLE_JAR, cacheDirectory,
                JVM_OPTIONS, trainingLog, new ProjectorTraining(postgres, kafka.bootstrapServers(), 3, ADMIN_TOKEN,
                        new Shutdown(console), new Leftovers(directory, directory.resolve("postgres"))),
                console);

        assertThat(said.toString()).contains("making the projector's AOT cache");
        assertThat(launch.jar()).isEqualTo(projectorJar.toAbsolutePath());
        assertThat(launch.jvmOptions()).containsExactly("-Xmx512m", "-XX:GCTimeRatio=49",
                "-XX:AOTCache=" + cacheDirectory.resolve("application.aot").toAbsolutePath());
        // prepare returns only after the training projector projected every record; then its JVM wrote the cache
        assertThat(Files.readString(trainingLog)).contains("AOTCache creation is complete");
        assertThat(databaseExists(ProjectorTraining.DATABASE)).isFalse();
        assertThat(topics()).doesNotContain(ProjectorTraining.TOPICS.accounts(), ProjectorTraining.TOPICS.contracts());
        // the training projector's Tomcat made its base directory beside the run's log, not in /tmp
        assertThat(directory.resolve("projector-aot-training.tmp").toFile().list())
                .anySatisfy(file -> assertThat(file).startsWith("tomcat."));

        // with another java.io.tmpdir than the training run's: a -D option, which the JVM does not check against the cache
        awaitReadyFromTheCacheAlone(launch);
        assertThat(directory.resolve("projector.tmp").toFile().list()).anySatisfy(file -> assertThat(file).startsWith("tomcat."));
    }

    /**
     * Starts the projector from {@code launch} with {@code -XX:AOTMode=on} on a read model of its own and
     * waits until it is ready; throws when it exits first (a cache it cannot use) or is not ready in 3 minutes.
     */
    private void awaitReadyFromTheCacheAlone(JarLaunch launch) throws Exception {
        postgres.createDatabase("accountview");
        TopicNames topics = new TopicNames("started.accounts", "started.contracts");
        LocalKafka.createTopics(kafka.bootstrapServers(), topics.withDeadLetterTopics(), 3);
        int port = LoopbackPorts.free(1)[0];
        List<String> options = new ArrayList<>(launch.jvmOptions());
        options.add("-XX:AOTMode=on");
        ServiceProcess projector = ServiceProcess.start(java, "projector", launch.jar(), ServiceEnvironment.projector(port,
                postgres.jdbcUrl("accountview"), kafka.bootstrapServers(), topics, ADMIN_TOKEN), options, List.of(),
                directory.resolve("started.log"));
        try {
            URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
            Http http = new Http();
            Deadline.after(Duration.ofSeconds(180), "the test's limit").await("the projector started from its cache (log: "
                    + projector.log() + ")", projector::alive, () -> http.status(readiness) == 200);
        } finally {
            projector.stop();
        }
    }

    private boolean databaseExists(String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), LocalPostgres.USER,
                LocalPostgres.PASSWORD);
             PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private Set<String> topics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.listTopics().names().get();
        }
    }
}
