package com.accountview.projector.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/**
 * The indicator's reading of its checks, with a stand-in pool whose connections answer or wait as a
 * test says; {@code DatabaseOutageIT} stops a real PostgreSQL.
 */
class DatabaseHealthIndicatorTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final CountDownLatch asked = new CountDownLatch(1);
    private final CountDownLatch answer = new CountDownLatch(1);
    private volatile boolean waitForAnswer;
    private volatile boolean unreachable;
    /** What the driver said below the pool's message, if anything. */
    private volatile SQLException refusal;
    private final DatabaseHealthIndicator indicator = new DatabaseHealthIndicator(pool(), Duration.ofSeconds(2), clock);

    @Test
    void upWhenTheDatabaseAnsweredTheLastCheck() {
        indicator.check();

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downWhenTheLastCheckFoundTheDatabaseUnreachable() {
        unreachable = true;

        indicator.check();

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(indicator.health().getDetails()).containsEntry("reason", "Connection is not available");
    }

    @Test
    void theReasonNamesWhatTheDriverSaidBelowThePool() {
        unreachable = true;
        refusal = new SQLException("Connection to 127.0.0.1:5432 refused. Check that the hostname and port are correct");

        indicator.check();

        assertThat(indicator.health().getDetails()).containsEntry("reason", "Connection is not available"
                + " (Connection to 127.0.0.1:5432 refused. Check that the hostname and port are correct)");
    }

    @Test
    void aCheckStillWaitingAfterAFailedOneSaysWhyTheLastOneFailed() throws Exception {
        unreachable = true;
        refusal = new SQLException("Connection to 127.0.0.1:5432 refused");
        indicator.check();
        unreachable = false;
        waitForAnswer = true;
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(indicator::check);
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();

        clock.advance(Duration.ofSeconds(DatabaseHealthIndicator.SILENCE_SECONDS + 1));
        assertThat(indicator.health().getDetails()).containsEntry("reason", "no answer within 2 s; the check is"
                + " still waiting; the last check that ended: Connection is not available"
                + " (Connection to 127.0.0.1:5432 refused)");

        answer.countDown();
        waiting.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aCheckWaitingLongerThanItsBoundCountsAsNoAnswerAtOnce() throws Exception {
        indicator.check();
        waitForAnswer = true;
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(indicator::check);
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();

        clock.advance(Duration.ofSeconds(DatabaseHealthIndicator.SILENCE_SECONDS));
        assertThat(indicator.health().getStatus()).as("still within the bound: the last answer").isEqualTo(Status.UP);

        clock.advance(Duration.ofMillis(1));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(indicator.health().getDetails())
                .containsEntry("reason", "no answer within 2 s; the check is still waiting")
                .containsEntry("checkedAt", "2026-12-05T10:00:00Z");

        answer.countDown();
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(indicator.health().getStatus()).as("the late answer is the last one").isEqualTo(Status.UP);
    }

    /** A pool whose connections are valid, after {@link #answer} when the test waits for it, or that has none. */
    private DataSource pool() {
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> true;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (unreachable) {
                        throw new SQLTransientConnectionException("Connection is not available", refusal);
                    }
                    if (waitForAnswer) {
                        asked.countDown();
                        if (!answer.await(10, TimeUnit.SECONDS)) {
                            throw new SQLTransientConnectionException("no answer in the test either");
                        }
                    }
                    return connection;
                });
    }

    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
