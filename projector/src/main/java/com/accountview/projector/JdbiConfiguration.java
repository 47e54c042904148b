package com.accountview.projector;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Jdbi over the Boot-configured pool; it depends on Flyway so nothing queries before the migrations ran. */
@Configuration(proxyBeanMethods = false)
class JdbiConfiguration {

    @Bean
    Jdbi jdbi(DataSource dataSource, FlywayMigrationInitializer migrations) {
        return Jdbi.create(dataSource)
                .installPlugin(new PostgresPlugin());
    }
}
