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
import org.springframework.context.SmartLifecycle;

/**
 * {@code database} health, part of the readiness group: whether PostgreSQL answered the last
 * check, made on a thread of its own every {@code accountview.projection.database-check-interval}.
 * Reading it never waits for the database, so probes get their answer at once during an outage
 * (Spring Boot's own {@code db} indicator would wait for a connection as long as the pool's
 * connection timeout). Thread-safe.
 */
class DatabaseHealthIndicator implements HealthIndicator, SmartLifecycle {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final Duration interval;
    private final Clock clock;
    private volatile Health last = Health.unknown().withDetail("reason", "not checked yet").build();
    private volatile ScheduledExecutorService checks;

    DatabaseHealthIndicator(DataSource dataSource, Duration interval, Clock clock) {
        this.dataSource = dataSource;
        this.interval = interval;
        this.clock = clock;
    }

    void check() {
        Instant checkedAt = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            last = connection.isValid(VALIDATION_TIMEOUT_SECONDS)
                    ? Health.up().withDetail("checkedAt", checkedAt.toString()).build()
                    : Health.down().withDetail("checkedAt", checkedAt.toString())
                            .withDetail("reason", "connection not valid").build();
        } catch (SQLException | RuntimeException e) {
            last = Health.down().withDetail("checkedAt", checkedAt.toString())
                    .withDetail("reason", String.valueOf(e.getMessage())).build();
        }
    }

    @Override
    public Health health() {
        return last;
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
