package com.accountview.query.readmodel;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives every pooled connection the configured {@link QueryProperties#timeout()} as its
 * PostgreSQL {@code statement_timeout}, through the driver's startup {@code options}: no extra
 * round trip per request, and a query that runs too long fails with SQLSTATE 57014 on the server.
 * A server that stops answering altogether (frozen, or a network partition without resets) cannot
 * cancel anything, so the driver also gives up on a silent socket a few seconds later; that is a
 * connection failure, answered 503.
 */
class StatementTimeout implements BeanPostProcessor {

    private static final long SILENT_SERVER_GRACE_SECONDS = 5;

    private final ObjectProvider<QueryProperties> properties;

    StatementTimeout(ObjectProvider<QueryProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            long millis = properties.getObject().timeout().toMillis();
            pool.addDataSourceProperty("options", "-c statement_timeout=" + millis);
            pool.addDataSourceProperty("socketTimeout", String.valueOf(millis / 1000 + SILENT_SERVER_GRACE_SECONDS));
        }
        return bean;
    }
}
