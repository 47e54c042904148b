package com.accountview.query.readmodel;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives every pooled connection the configured {@link QueryProperties#timeout()} as its
 * PostgreSQL {@code statement_timeout}, through the driver's startup {@code options}: no extra
 * round trip per request, and a query that runs too long fails with SQLSTATE 57014 on the server.
 */
class StatementTimeout implements BeanPostProcessor {

    private final ObjectProvider<QueryProperties> properties;

    StatementTimeout(ObjectProvider<QueryProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            long millis = properties.getObject().timeout().toMillis();
            pool.addDataSourceProperty("options", "-c statement_timeout=" + millis);
        }
        return bean;
    }
}
