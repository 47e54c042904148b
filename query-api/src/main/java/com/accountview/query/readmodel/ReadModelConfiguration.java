package com.accountview.query.readmodel;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read model's access over Spring Boot's connection pool ({@code spring.datasource.*},
 * {@code spring.datasource.hikari.*}): its outage watch, statement
 * and validation timeouts, and health check.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    Outage outage(DataSource dataSource) {
        return new Outage(dataSource);
    }

    @Bean
    static BeanPostProcessor statementTimeout(ObjectProvider<QueryProperties> properties) {
        return new StatementTimeout(properties);
    }

    @Bean
    static BeanPostProcessor validationTimeout() {
        return new ValidationTimeout();
    }

    /** Named so that it replaces Spring Boot's own {@code db} indicator. */
    @Bean
    DatabaseHealth dbHealthIndicator(DataSource dataSource, QueryProperties properties) {
        return new DatabaseHealth(new DataSourceHealthIndicator(dataSource), properties.healthTimeout());
    }
}
