package com.accountview.query.support;

import java.util.Map;

import com.accountview.testinfra.DatabaseCoordinates;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the query-api under test at the {@link ProjectedReadModel#shared() shared projected read model}. */
public class ProjectedReadModelInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        DatabaseCoordinates database = ProjectedReadModel.shared().database();
        context.getEnvironment().getPropertySources().addAfter("systemEnvironment", new MapPropertySource(
                "projectedReadModel", Map.of(
                        "spring.datasource.url", database.jdbcUrl(),
                        "spring.datasource.username", database.username(),
                        "spring.datasource.password", database.password())));
    }
}
