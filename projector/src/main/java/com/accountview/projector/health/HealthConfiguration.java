package com.accountview.projector.health;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.accountview.projector.ProjectionProperties;
import com.accountview.projector.ingestion.Pipelines;

/** The projector's own health indicators: {@code projection} and {@code database}. */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean
    ProjectionHealthIndicator projectionHealthIndicator(Pipelines pipelines, ProjectionProperties properties) {
        return new ProjectionHealthIndicator(pipelines::liveStatus, properties);
    }

    @Bean
    DatabaseHealthIndicator databaseHealthIndicator(DataSource dataSource, ProjectionProperties properties) {
        return new DatabaseHealthIndicator(dataSource, properties.databaseCheckInterval(), Clock.systemUTC());
    }
}
