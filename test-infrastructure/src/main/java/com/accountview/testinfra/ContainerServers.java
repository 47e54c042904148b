package com.accountview.testinfra;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** {@code apache/kafka} (KRaft) and {@code postgres:16} containers, where a Docker engine is reachable. */
final class ContainerServers {

    private ContainerServers() {
    }

    static KafkaServer kafka() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1")
                .withEnv("KAFKA_NUM_PARTITIONS", "4")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        kafka.start();
        return new KafkaServer() {
            @Override
            public String bootstrapServers() {
                return kafka.getBootstrapServers();
            }

            @Override
            public void stop() {
                kafka.stop();
            }
        };
    }

    static PostgresServer postgres() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16")
                .withDatabaseName("postgres")
                .withUsername("postgres")
                .withPassword("postgres")
                .withEnv("TZ", TestInfrastructure.DATABASE_TIME_ZONE)
                .withEnv("PGTZ", TestInfrastructure.DATABASE_TIME_ZONE)
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300",
                        "-c", "timezone=" + TestInfrastructure.DATABASE_TIME_ZONE);
        postgres.start();
        return new PostgresServer() {
            @Override
            public DatabaseCoordinates admin() {
                return new DatabaseCoordinates(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
            }

            @Override
            public void halt() {
                // a paused container keeps its port mapping, so clients see an outage, then the same server
                postgres.getDockerClient().pauseContainerCmd(postgres.getContainerId()).exec();
            }

            @Override
            public void restart() {
                postgres.getDockerClient().unpauseContainerCmd(postgres.getContainerId()).exec();
            }

            @Override
            public void stop() {
                postgres.stop();
            }
        };
    }
}
