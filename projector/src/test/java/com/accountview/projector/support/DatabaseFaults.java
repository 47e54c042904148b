package com.accountview.projector.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Connection failures on cue, in front of the real PostgreSQL: while {@link #down() down}, every
 * request for a connection from a Kafka consumer thread fails the way an unreachable server makes
 * it fail; {@link #upFailingOnce} brings it back but fails exactly one later request. Lets a test
 * place an outage at a precise point of an interleaving, which stopping the server cannot. Other
 * threads (health checks, the test itself) see the real database. Thread-safe.
 *
 * <p>Import {@link Configuration} into a projector test context to put it in front of the pool.
 */
public final class DatabaseFaults {

    /** spring-kafka names its consumer threads {@code <listener id>-<n>-C-<m>}. */
    private static final String CONSUMER_THREAD = "-C-";

    /** Requests to let through before the one that fails; negative while nothing is scheduled. */
    private final AtomicInteger untilFailure = new AtomicInteger(-1);
    /** Whose requests fail: null, none; empty, every consumer thread's; else one listener container's threads. */
    private volatile String downFor;
    private final AtomicInteger refused = new AtomicInteger();

    public void down() {
        downFor = "";
    }

    /** Down for the consumer threads of one listener container only (a generation's pipeline: {@code projector-g<N>}). */
    public void downFor(String listenerContainer) {
        downFor = listenerContainer;
    }

    public void up() {
        downFor = null;
    }

    /** Back up, but the {@code n}th request for a connection from now on (1 = the next) fails once. */
    public void upFailingOnce(int n) {
        untilFailure.set(n - 1);
        downFor = null;
    }

    /** How many requests for a connection were refused so far. */
    public int refused() {
        return refused.get();
    }

    private void check() throws SQLException {
        String thread = Thread.currentThread().getName();
        if (!thread.contains(CONSUMER_THREAD)) {
            return;
        }
        String failing = downFor;
        boolean down = failing != null && (failing.isEmpty() || thread.startsWith(failing + "-"));
        if (down || untilFailure.getAndUpdate(n -> n >= 0 ? n - 1 : n) == 0) {
            refused.incrementAndGet();
            throw new SQLTransientConnectionException("Connection refused (injected by the test)", "08001");
        }
    }

    /** Wraps the application's {@link DataSource} so that every connection passes {@link DatabaseFaults}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        DatabaseFaults databaseFaults() {
            return new DatabaseFaults();
        }

        @Bean
        static BeanPostProcessor faultyDataSource(org.springframework.beans.factory.ObjectProvider<DatabaseFaults> faults) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource dataSource) || bean instanceof FaultyDataSource) {
                        return bean;
                    }
                    return new FaultyDataSource(dataSource, faults.getObject());
                }
            };
        }
    }

    private static final class FaultyDataSource extends DelegatingDataSource {

        private final DatabaseFaults faults;

        FaultyDataSource(DataSource target, DatabaseFaults faults) {
            super(target);
            this.faults = faults;
        }

        @Override
        public Connection getConnection() throws SQLException {
            faults.check();
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            faults.check();
            return super.getConnection(username, password);
        }
    }
}
