package com.accountview.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.accountview.query.errors.ApiException;
import com.accountview.query.errors.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outage logic over a pool that is told when the database is back (the real one is in DatabaseDownAtStartIT). */
class OutageTest {

    /** What the pool throws when its wait ends after its attempts to connect were refused. */
    private static final SQLException UNREACHABLE = new SQLTransientConnectionException(
            "Connection is not available, request timed out after 1000ms", "08001",
            new SQLException("Connection refused", "08001"));
    /** What it throws when every connection is busy: no SQLSTATE. */
    private static final SQLException EXHAUSTED = new SQLTransientConnectionException(
            "Connection is not available, request timed out after 1000ms");
    private static final SQLException CANCELLED = new SQLException("canceling statement due to statement timeout",
            "57014");

    private final AtomicBoolean databaseBack = new AtomicBoolean();
    private final AtomicInteger attemptsToConnect = new AtomicInteger();
    private Outage outage;

    @BeforeEach
    void pool() throws SQLException {
        DataSource pool = mock(DataSource.class);
        when(pool.getConnection()).thenAnswer(invocation -> {
            attemptsToConnect.incrementAndGet();
            if (!databaseBack.get()) {
                throw new SQLTransientConnectionException("refused", "08001");
            }
            return mock(Connection.class);
        });
        outage = new Outage(pool);
    }

    @AfterEach
    void stop() {
        outage.destroy();
    }

    private void failsWith(SQLException failure) {
        assertThatThrownBy(() -> outage.read(() -> {
            throw failure;
        })).isInstanceOf(ApiException.class);
    }

    private static void assertUnavailable(Runnable request) {
        assertThatThrownBy(request::run)
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    }

    @Test
    void anUnreachableDatabaseIsAnsweredAtOnceUntilAConnectionSucceeds() {
        failsWith(UNREACHABLE);
        AtomicBoolean ran = new AtomicBoolean();

        assertUnavailable(() -> outage.read(() -> ran.getAndSet(true)));
        assertThat(ran).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> attemptsToConnect.get() >= 2);
        assertUnavailable(() -> outage.read(() -> ran.getAndSet(true)));

        databaseBack.set(true);

        await().atMost(Duration.ofSeconds(5)).ignoreExceptionsInstanceOf(ApiException.class)
                .until(() -> outage.read(() -> "answered").equals("answered"));
    }

    @Test
    void theDatabaseIsNotTriedWithoutAnOutage() {
        assertThat(outage.read(() -> "answered")).isEqualTo("answered");

        assertThat(attemptsToConnect).hasValue(0);
    }

    @Test
    void anExhaustedPoolOrACancelledStatementIsNoOutage() {
        failsWith(EXHAUSTED);
        failsWith(CANCELLED);

        assertThat(outage.read(() -> "answered")).isEqualTo("answered");
        assertThat(attemptsToConnect).hasValue(0);
    }
}
