package com.accountview.query.readmodel;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Jdbi over Spring Boot's connection pool ({@code spring.datasource.*}, {@code spring.datasource.hikari.*}). */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    @Bean
    Outage outage(DataSource dataSource) {
        return new Outage(dataSource);
    }

    @Bean
    static BeanPostProcessor statementTimeout(ObjectProvider<QueryProperties> properties) {
        return new StatementTimeout(properties);
    }

    /** Named so that it replaces Spring Boot's own {@code db} indicator. */
    @Bean
    DatabaseHealth dbHealthIndicator(DataSource dataSource, QueryProperties properties) {
        return new DatabaseHealth(new DataSourceHealthIndicator(dataSource), properties.healthTimeout());
    }
}
