package com.accountview.query.readmodel;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code db} health indicator, part of readiness: Spring Boot's own database check, given a
 * deadline. A check that does not finish in time (the pool waiting out its connection timeout for
 * a database that is down, or a server that does not answer) is reported DOWN at the deadline and
 * finishes in the background; probes that come meanwhile wait for that same check instead of
 * starting more, so at most one check runs at a time, however often probes come. Thread-safe.
 */
class DatabaseHealth implements HealthIndicator, DisposableBean {

    private final HealthIndicator check;
    private final Duration deadline;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "db-health-check");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Health> running;

    DatabaseHealth(HealthIndicator check, Duration deadline) {
        this.check = check;
        this.deadline = deadline;
    }

    @Override
    public Health health() {
        try {
            return current().get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "the database did not answer within " + deadline.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        }
    }

    private synchronized CompletableFuture<Health> current() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(check::health, checker);
        }
        return running;
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }
}
