package com.accountview.testinfra;

import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The single entry point through which integration tests get a real Kafka broker and a real
 * PostgreSQL server.
 *
 * <p>Which implementation backs them is decided here and nowhere else: Testcontainers
 * ({@code apache/kafka} in KRaft mode and {@code postgres:16}) when a Docker engine is reachable,
 * otherwise an in-process KRaft broker from spring-kafka-test and embedded PostgreSQL 16 binaries.
 * Set {@code -Daccountview.test.infrastructure=embedded|containers} to force one.
 *
 * <p>Both are started lazily, once per JVM, and stopped by a shutdown hook. Tests share them, so
 * each test isolates itself: {@link #newDatabase()} hands out a fresh database and
 * {@link #uniqueName(String)} fresh topic names. Thread-safe.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    /** The database server's time zone: deliberately not UTC, so that time-zone bugs show. */
    public static final String DATABASE_TIME_ZONE = "America/Sao_Paulo";

    private TestInfrastructure() {
    }

    /** The bootstrap servers of the shared broker, starting it on first use. */
    public static String kafkaBootstrapServers() {
        return Holder.INSTANCE.kafka.bootstrapServers();
    }

    /** The shared PostgreSQL server, starting it on first use. */
    public static PostgresServer postgres() {
        return Holder.INSTANCE.postgres;
    }

    /** Creates an empty database on the shared server, for one test context to own. */
    public static DatabaseCoordinates newDatabase() {
        return postgres().createDatabase(uniqueName("av").replace('-', '_'));
    }

    /** A name no other test in this JVM uses, e.g. for topics: {@code prefix-1a2b3c4d}. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Which kind of infrastructure this JVM got: {@code embedded} or {@code containers}. */
    public static String kind() {
        return Holder.INSTANCE.kind;
    }

    private static final class Holder {
        static final Infrastructure INSTANCE = Infrastructure.start();
    }

    private record Infrastructure(String kind, KafkaServer kafka, PostgresServer postgres) {

        static Infrastructure start() {
            String kind = chooseKind();
            log.info("Starting shared test infrastructure: {}", kind);
            Infrastructure infrastructure = kind.equals("containers")
                    ? new Infrastructure(kind, ContainerServers.kafka(), ContainerServers.postgres())
                    : new Infrastructure(kind, EmbeddedServers.kafka(), EmbeddedServers.postgres());
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "test-infrastructure-stop"));
            return infrastructure;
        }

        private static String chooseKind() {
            String forced = System.getProperty("accountview.test.infrastructure", "").toLowerCase(Locale.ROOT);
            if (!forced.isEmpty()) {
                return forced;
            }
            return dockerReachable() ? "containers" : "embedded";
        }

        private static boolean dockerReachable() {
            // ask Testcontainers only where a Docker engine could be: it logs errors when there is none
            boolean candidate = System.getenv("DOCKER_HOST") != null
                    || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                    || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker"));
            if (!candidate) {
                return false;
            }
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        void stop() {
            kafka.stop();
            postgres.stop();
        }
    }
}
