package com.accountview.query.support;

import java.util.ArrayList;
import java.util.List;

import com.accountview.query.QueryApiApplication;
import com.accountview.testinfra.DatabaseCoordinates;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A query-api started with its own configuration, as its jar would be, on random API and
 * management ports against the given database; close it to stop it.
 */
public record StartedService(ConfigurableApplicationContext context, Api api) implements AutoCloseable {

    /**
     * Starts the service; {@code arguments} are further command-line arguments and {@code listeners}
     * see the start-up's events (e.g. readiness moving).
     */
    public static StartedService start(DatabaseCoordinates database, List<ApplicationListener<?>> listeners,
            String... arguments) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0", "--management.server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password()));
        all.addAll(List.of(arguments));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QueryApiApplication.class)
                .listeners(listeners.toArray(ApplicationListener[]::new))
                .run(all.toArray(String[]::new));
        var environment = context.getEnvironment();
        return new StartedService(context, new Api(environment.getRequiredProperty("local.server.port", Integer.class),
                environment.getRequiredProperty("local.management.port", Integer.class)));
    }

    public static StartedService start(DatabaseCoordinates database) {
        return start(database, List.of());
    }

    @Override
    public void close() {
        context.close();
    }
}
