package com.accountview.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

class DatabaseHealthTest {

    private static final Duration DEADLINE = Duration.ofMillis(300);

    private final CountDownLatch databaseAnswers = new CountDownLatch(1);
    private final AtomicInteger checks = new AtomicInteger();
    /** Stands for Spring Boot's database check against a database that answers only when told to. */
    private final HealthIndicator slowCheck = () -> {
        checks.incrementAndGet();
        try {
            databaseAnswers.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Health.up().build();
    };
    private final DatabaseHealth health = new DatabaseHealth(slowCheck, DEADLINE);

    @AfterEach
    void stop() {
        databaseAnswers.countDown();
        health.destroy();
    }

    @Test
    void aCheckThatDoesNotFinishInTimeIsDownAtTheDeadline() {
        long start = System.nanoTime();

        Health answer = health.health();

        assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
        assertThat(answer.getDetails()).containsEntry("error", "the database did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(DEADLINE, DEADLINE.plusMillis(500));
    }

    @Test
    void probesWhileACheckRunsWaitForItInsteadOfStartingMore() {
        health.health();
        health.health();
        health.health();

        assertThat(checks).hasValue(1);
    }

    @Test
    void theNextProbeAfterAFinishedCheckStartsAFreshOne() {
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        databaseAnswers.countDown();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        int finished = checks.get();

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(checks).hasValue(finished + 1);
    }

    @Test
    void aFailingCheckIsDown() {
        DatabaseHealth failing = new DatabaseHealth(() -> {
            throw new IllegalStateException("no connection");
        }, DEADLINE);
        try {
            assertThat(failing.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            failing.destroy();
        }
    }
}
