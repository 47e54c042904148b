package com.accountview.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.FileSystemUtils;

/** In-process KRaft broker and embedded PostgreSQL 16 binaries, for machines without Docker. */
final class EmbeddedServers {

    private EmbeddedServers() {
    }

    static KafkaServer kafka() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 4)
                .brokerProperties(Map.of(
                        "auto.create.topics.enable", "true",
                        "group.initial.rebalance.delay.ms", "0",
                        "offsets.topic.num.partitions", "4",
                        "transaction.state.log.replication.factor", "1",
                        "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        return new KafkaServer() {
            @Override
            public String bootstrapServers() {
                return broker.getBrokersAsString();
            }

            @Override
            public void stop() {
                broker.destroy();
            }
        };
    }

    static PostgresServer postgres() {
        return new EmbeddedPostgresServer();
    }

    /**
     * Keeps its data directory and port across {@link #halt()} and {@link #restart()}; {@link #stop()} deletes the
     * directory, which would otherwise stay in the temporary directory (some 190 MB per test JVM).
     */
    private static final class EmbeddedPostgresServer implements PostgresServer {

        private final Path dataDirectory;
        private volatile EmbeddedPostgres postgres;
        private final int port;

        EmbeddedPostgresServer() {
            try {
                dataDirectory = Files.createTempDirectory("accountview-pg");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = start(0);
            port = postgres.getPort();
        }

        private EmbeddedPostgres start(int fixedPort) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setServerConfig("timezone", TestInfrastructure.DATABASE_TIME_ZONE)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
                if (fixedPort > 0) {
                    builder.setPort(fixedPort);
                }
                return builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
        }

        @Override
        public DatabaseCoordinates admin() {
            return new DatabaseCoordinates(
                    "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
        }

        @Override
        public synchronized void halt() {
            close(postgres);
        }

        @Override
        public synchronized void restart() {
            postgres = start(port);
        }

        @Override
        public synchronized void stop() {
            close(postgres);
            try {
                FileSystemUtils.deleteRecursively(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + dataDirectory, e);
            }
        }

        private static void close(EmbeddedPostgres postgres) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
