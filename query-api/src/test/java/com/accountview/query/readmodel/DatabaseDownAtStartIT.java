package com.accountview.query.readmodel;

import static com.accountview.query.support.Api.account;
import static com.accountview.query.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.accountview.query.support.Api;
import com.accountview.query.support.Ids;
import com.accountview.query.support.OpenApiContract;
import com.accountview.query.support.ProjectedReadModel;
import com.accountview.query.support.StartedService;
import com.accountview.testinfra.PostgresServer;
import com.accountview.testinfra.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database is really stopped (the shared PostgreSQL is halted and restarted, so each test
 * waits until it answers again): a query-api that starts meanwhile answers every request 503
 * within the configured wait for a connection, all callers at once rather than one after another;
 * its probes answer within the one second orchestrators give them, before and after a start,
 * readiness DOWN and liveness UP; once the database is back, requests succeed. The service runs
 * with its own configuration, started here like its jar would be.
 */
class DatabaseDownAtStartIT {

    private static final int CALLERS = 50;
    /** Scheduling slack on a busy two-core machine; a serialized pool start costs seconds per caller. */
    private static final Duration MARGIN = Duration.ofMillis(500);
    /** Kubernetes' default probe timeout. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final ProjectedReadModel readModel = ProjectedReadModel.shared();
    private final PostgresServer postgres = TestInfrastructure.postgres();
    private final String org = Ids.org();
    private final String externalId = Ids.externalId();
    private boolean halted;
    private StartedService service;

    @BeforeEach
    void accountExists() {
        readModel.newAccount(org, externalId);
    }

    @AfterEach
    void restoreTheDatabase() {
        try {
            if (halted) {
                postgres.restart();
            }
        } finally {
            if (service != null) {
                service.close();
            }
        }
    }

    private Api start() {
        service = StartedService.start(readModel.database());
        return service.api();
    }

    private Duration configuredWait() {
        return Duration.ofMillis(service.context().getEnvironment()
                .getRequiredProperty("spring.datasource.hikari.connection-timeout", Long.class));
    }

    private void halt() {
        postgres.halt();
        halted = true;
    }

    private void restart() {
        postgres.restart();
        halted = false;
    }

    @Test
    void startedWhileTheDatabaseIsDownEveryCallerGetsItsAnswerWithinTheWait() throws Exception {
        halt();
        Api api = start();
        // Spring MVC starts on the first request, and code runs slowly its first times: what is
        // measured here is the wait for the database, so warm up with requests that never reach it
        for (String endpoint : Api.ENDPOINTS) {
            assertThat(api.getAsApiKey(account("Not-An-Org", externalId) + endpoint).statusCode()).isEqualTo(400);
        }

        List<Timed> answers = concurrently(api, CALLERS);

        Duration limit = configuredWait().plus(MARGIN);
        for (Timed answer : answers) {
            assertThat(answer.response().statusCode()).as(answer.path()).isEqualTo(503);
            assertThat(json(answer.response()).path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(answer.response().headers().firstValue("Retry-After")).hasValue("5");
            OpenApiContract.document().assertBodyConforms(answer.response(), "ErrorResponse");
            assertThat(answer.took()).as("%s answered after", answer.path()).isLessThanOrEqualTo(limit);
        }
        assertProbesAnswerInTime(api);

        restart();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.getAsApiKey(account(org, externalId)).statusCode() == 200);
        assertThat(api.actuator("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void probesAnswerWithinASecondWhenTheDatabaseStopsUnderARunningService() {
        Api api = start();
        assertThat(api.getAsApiKey(account(org, externalId)).statusCode()).isEqualTo(200);
        assertThat(api.actuator("/actuator/health/readiness").statusCode()).isEqualTo(200);

        halt();

        assertProbesAnswerInTime(api);
        restart();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.actuator("/actuator/health/readiness").statusCode() == 200);
    }

    /** Several rounds: the first after the outage began, the later ones while a probe may still be waiting. */
    private static void assertProbesAnswerInTime(Api api) {
        for (int round = 0; round < 3; round++) {
            Timed readiness = timed(api, "/actuator/health/readiness", true);
            Timed liveness = timed(api, "/actuator/health/liveness", true);

            assertThat(readiness.response().statusCode()).isEqualTo(503);
            assertThat(json(readiness.response()).path("status").asString()).isEqualTo("DOWN");
            assertThat(readiness.took()).as("readiness answered after").isLessThan(PROBE_TIMEOUT);
            assertThat(liveness.response().statusCode()).isEqualTo(200);
            assertThat(json(liveness.response()).path("status").asString()).isEqualTo("UP");
            assertThat(liveness.took()).as("liveness answered after").isLessThan(PROBE_TIMEOUT);
        }
    }

    private List<Timed> concurrently(Api api, int callers) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Timed>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String path = account(org, externalId) + Api.ENDPOINTS.get(i % Api.ENDPOINTS.size());
                calls.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    return timed(api, path, false);
                }, threads));
            }
            go.countDown();
            List<Timed> answers = new ArrayList<>();
            for (CompletableFuture<Timed> call : calls) {
                answers.add(call.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Timed timed(Api api, String path, boolean management) {
        long start = System.nanoTime();
        HttpResponse<String> response = management ? api.actuator(path) : api.getAsApiKey(path);
        return new Timed(path, response, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Timed(String path, HttpResponse<String> response, Duration took) {
    }
}
