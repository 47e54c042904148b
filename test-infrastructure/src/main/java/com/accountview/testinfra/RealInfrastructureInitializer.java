package com.accountview.testinfra;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the shared real infrastructure: a database of its own on the
 * shared PostgreSQL, the shared broker, and topic names of its own
 * ({@code accountview.topics.accounts} / {@code accountview.topics.contracts}).
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        DatabaseCoordinates database = TestInfrastructure.newDatabase();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers());
        properties.put("accountview.topics.accounts", TestInfrastructure.uniqueName("accounts"));
        properties.put("accountview.topics.contracts", TestInfrastructure.uniqueName("contracts"));
        // the tests' broker creates topics when they are first used, after the projector's start-up check
        properties.put("accountview.topics.must-exist", "false");
        properties.put("accountview.test.infrastructure", TestInfrastructure.kind());
        // lowest precedence among explicit test properties: @SpringBootTest(properties=...) still wins
        context.getEnvironment().getPropertySources()
                .addAfter("systemEnvironment", new MapPropertySource("realTestInfrastructure", properties));
    }
}
