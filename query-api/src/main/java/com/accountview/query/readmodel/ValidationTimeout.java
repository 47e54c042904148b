package com.accountview.query.readmodel;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Bounds the pool's check of a connection it hands out after it sat idle
 * ({@code spring.datasource.hikari.validation-timeout}) by the connection wait
 * ({@code spring.datasource.hikari.connection-timeout}): the check waits for the server's answer,
 * and on a frozen server it waited HikariCP's default of 5 s (HikariCP 7 no longer lowers it to the
 * connection wait), so requests that came when the database froze waited 5 s for their 503 instead
 * of the connection wait (docs/api.md). A lower validation timeout that was configured stays.
 */
class ValidationTimeout implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        // runs after spring.datasource.hikari.* is bound: binding is a prioritized post-processor
        if (bean instanceof HikariDataSource pool && pool.getValidationTimeout() > pool.getConnectionTimeout()) {
            pool.setValidationTimeout(pool.getConnectionTimeout());
        }
        return bean;
    }
}
