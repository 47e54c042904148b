package com.accountview.tools.stack;

import java.util.LinkedHashMap;
import java.util.Map;

import com.accountview.tools.publish.TopicNames;

/**
 * The environment variables the launcher gives each service: only the standard Spring Boot and
 * {@code accountview.*} settings a production deployment would set (tests check that each one binds
 * to a property the service reads). Every server socket is bound to the loopback address: a local
 * run is reachable from this machine only.
 */
public final class ServiceEnvironment {

    private static final String CONSUMER_GROUP = "accountview-projector";
    static final String LOOPBACK = "127.0.0.1";

    private ServiceEnvironment() {
    }

    /** @param adminToken the token of the projector's admin endpoint ({@code ./accountview rebuild} reads it from the data directory) */
    public static Map<String, String> projector(int port, String jdbcUrl, String bootstrapServers, TopicNames topics,
                                                String adminToken) {
        Map<String, String> environment = database(port, jdbcUrl);
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        environment.put("ACCOUNTVIEW_REBUILD_ADMIN_TOKEN", adminToken);
        environment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", CONSUMER_GROUP);
        environment.put("ACCOUNTVIEW_TOPICS_ACCOUNTS", topics.accounts());
        environment.put("ACCOUNTVIEW_TOPICS_CONTRACTS", topics.contracts());
        return environment;
    }

    /** The query-api serves Actuator on a port of its own, also on the loopback address. */
    public static Map<String, String> queryApi(int port, int managementPort, String jdbcUrl) {
        Map<String, String> environment = database(port, jdbcUrl);
        environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
        // only with a port of its own: Spring Boot refuses a management address on the server's port (the projector's case)
        environment.put("MANAGEMENT_SERVER_ADDRESS", LOOPBACK);
        return environment;
    }

    private static Map<String, String> database(int port, String jdbcUrl) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_ADDRESS", LOOPBACK);
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("SPRING_DATASOURCE_URL", jdbcUrl);
        environment.put("SPRING_DATASOURCE_USERNAME", LocalPostgres.USER);
        environment.put("SPRING_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
        return environment;
    }
}
