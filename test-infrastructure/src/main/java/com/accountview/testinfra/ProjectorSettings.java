package com.accountview.testinfra;

import java.util.HashMap;
import java.util.Map;

/**
 * What a projector process needs to run against the tests' infrastructure: the shared broker, the
 * given database and the given source topics, as the environment variables a {@link ServiceJar}
 * passes it. The one list of them for every module that starts the projector's jar; each adds the
 * settings its own tests need.
 */
public record ProjectorSettings(DatabaseCoordinates database, String accountsTopic, String contractsTopic) {

    /**
     * These settings plus the given further ones, which win where both name the same variable. The
     * topics need not exist yet: the tests' broker creates them when they are first used.
     */
    public Map<String, String> environment(Map<String, String> further) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "SPRING_DATASOURCE_URL", database.jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", database.username(),
                "SPRING_DATASOURCE_PASSWORD", database.password(),
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers(),
                "ACCOUNTVIEW_TOPICS_ACCOUNTS", accountsTopic,
                "ACCOUNTVIEW_TOPICS_CONTRACTS", contractsTopic,
                "ACCOUNTVIEW_TOPICS_MUST_EXIST", "false"));
        environment.putAll(further);
        return Map.copyOf(environment);
    }
}
