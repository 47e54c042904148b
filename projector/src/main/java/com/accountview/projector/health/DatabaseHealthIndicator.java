package com.accountview.projector.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;

/**
 * {@code database} health, part of the readiness group: whether PostgreSQL answered the last
 * check, made on a thread of its own every {@code accountview.projection.database-check-interval}.
 * Reading it never waits for the database, so probes get their answer at once during an outage
 * (Spring Boot's own {@code db} indicator would wait for a connection as long as the pool's
 * connection timeout). A check still waiting after {@value #SILENCE_SECONDS} s counts as no answer
 * at once: a frozen server (or a network partition without resets) holds the check for the pool's
 * connection timeout, during which the last answer would still say UP. Thread-safe.
 */
class DatabaseHealthIndicator implements HealthIndicator, SmartLifecycle {

    /** How long a check may wait for its answer, for the connection's validation and before it counts as none. */
    static final int SILENCE_SECONDS = 2;
    private static final Duration SILENCE = Duration.ofSeconds(SILENCE_SECONDS);

    private final DataSource dataSource;
    private final Duration interval;
    private final Clock clock;
    private volatile Health last = Health.unknown().withDetail("reason", "not checked yet").build();
    /** When the check in progress began; null between checks. */
    private volatile Instant checking;
    private volatile ScheduledExecutorService checks;

    DatabaseHealthIndicator(DataSource dataSource, Duration interval, Clock clock) {
        this.dataSource = dataSource;
        this.interval = interval;
        this.clock = clock;
    }

    void check() {
        Instant checkedAt = clock.instant();
        checking = checkedAt;
        try (Connection connection = dataSource.getConnection()) {
            last = connection.isValid(SILENCE_SECONDS)
                    ? Health.up().withDetail("checkedAt", checkedAt.toString()).build()
                    : Health.down().withDetail("checkedAt", checkedAt.toString())
                            .withDetail("reason", "connection not valid").build();
        } catch (SQLException | RuntimeException e) {
            last = Health.down().withDetail("checkedAt", checkedAt.toString()).withDetail("reason", reason(e)).build();
        } finally {
            checking = null;
        }
    }

    @Override
    public Health health() {
        Instant started = checking;
        if (started != null && Duration.between(started, clock.instant()).compareTo(SILENCE) > 0) {
            Health previous = last;
            // a refused connection also keeps the check waiting (the pool retries for its connection
            // timeout): the last check that ended says why, where "no answer" alone read as a frozen server
            String why = previous.getStatus().equals(Status.DOWN)
                    ? "; the last check that ended: " + previous.getDetails().get("reason") : "";
            return Health.down().withDetail("checkedAt", started.toString()).withDetail("reason",
                    "no answer within " + SILENCE_SECONDS + " s; the check is still waiting" + why).build();
        }
        return last;
    }

    /** The pool's message, and the driver's below it when it says more ("Connection to … refused"). */
    private static String reason(Exception failure) {
        String message = String.valueOf(failure.getMessage());
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure || root.getMessage() == null || message.contains(root.getMessage())
                ? message : message + " (" + root.getMessage() + ")";
    }

    @Override
    public void start() {
        checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "database-health");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = checks;
        if (running != null) {
            running.shutdownNow();
            checks = null;
        }
    }

    @Override
    public boolean isRunning() {
        return checks != null;
    }
}
