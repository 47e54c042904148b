package com.accountview.query.warmup;

import static com.accountview.query.support.Api.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.accountview.query.support.Api;
import com.accountview.query.support.Ids;
import com.accountview.query.support.ProjectedReadModel;
import com.accountview.query.support.ProjectorJar;
import com.accountview.query.support.StartedService;
import com.accountview.testinfra.DatabaseCoordinates;
import com.accountview.testinfra.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The warm-up runs through the real API before the service reports ready, and a start-up on a
 * database without a live read model survives it; a live read model without accounts is warmed
 * up through the database, and its first accounts as soon as they appear. The service runs with
 * its own configuration, started here like its jar would be.
 */
class WarmupIT {

    private static final String LOOKUP_SERIES = "uri=\"/v4/orgs/{orgId}/external-accounts/{externalId}\"";
    private static final String ONE_ACCOUNT = """
            INSERT INTO accountview.account (generation, account_id, org_id, external_id, customer_id, status,
                created_at, updated_at, version, deleted, event_id, event_time)
            VALUES (1, gen_random_uuid(), '%s', '%s', gen_random_uuid(), 'ACTIVE', now(), now(), 1, false,
                'warm-up-it', now())
            """;

    /** The warm-up's outcome at the moment readiness moved to ACCEPTING_TRAFFIC; null if it had not ended by then. */
    private final AtomicReference<WarmupOutcome> outcomeWhenReady = new AtomicReference<>();
    private final AtomicBoolean becameReady = new AtomicBoolean();
    private StartedService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private Api start(DatabaseCoordinates database) {
        return start(database, Duration.ofSeconds(2), List.of());
    }

    private Api start(DatabaseCoordinates database, Duration warmup, List<ApplicationListener<?>> more,
            String... arguments) {
        ApplicationListener<ApplicationEvent> readiness = event -> {
            if (event instanceof AvailabilityChangeEvent<?> change
                    && change.getState() == ReadinessState.ACCEPTING_TRAFFIC
                    && change.getSource() instanceof ConfigurableApplicationContext context) {
                becameReady.set(true);
                outcomeWhenReady.set(context.getBean(Warmup.class).outcome());
            }
        };
        List<ApplicationListener<?>> listeners = new ArrayList<>(more);
        listeners.add(readiness);
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add("--accountview.warmup.duration=" + warmup.toMillis() + "ms");
        service = StartedService.start(database, listeners, all.toArray(String[]::new));
        return service.api();
    }

    @Test
    void theServiceCallsItsOwnApiForLiveAccountsAndMissingOnesBeforeItReportsReady() {
        ProjectedReadModel readModel = ProjectedReadModel.shared();
        String org = Ids.org();
        String externalId = Ids.externalId();
        readModel.newAccountWithAContract(org, externalId);

        Api api = start(readModel.database());

        assertThat(becameReady.get()).isTrue();
        WarmupOutcome warmup = outcomeWhenReady.get();
        assertThat(warmup).as("the warm-up had ended when readiness moved").isNotNull();
        assertThat(warmup.statuses()).containsKeys(200, 404).doesNotContainKeys(500, 503);
        assertThat(warmup.timedOut() + warmup.unanswered()).as("requests without an answer").isZero();
        assertThat(api.actuator("/actuator/health/readiness").statusCode()).isEqualTo(200);
        // the warm-up's requests are not counted as callers' requests; the callers' are
        assertThat(api.actuator("/actuator/prometheus").body()).doesNotContain(LOOKUP_SERIES);
        assertThat(api.getAsApiKey(account(org, externalId)).statusCode()).isEqualTo(200);
        // the request's timer is recorded when its observation stops, which may be after the body was sent
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(api.actuator("/actuator/prometheus").body()).contains(LOOKUP_SERIES));
    }

    @Test
    void aDatabaseWithoutALiveReadModelLetsTheServiceStartAndWarmUpWithoutIt() {
        Api api = start(TestInfrastructure.newDatabase());

        WarmupOutcome warmup = outcomeWhenReady.get();
        assertThat(warmup).as("the warm-up had ended when readiness moved").isNotNull();
        assertThat(warmup.statuses()).containsOnlyKeys(400);
        assertThat(warmup.unanswered()).isZero();
        assertThat(api.actuator("/actuator/health/readiness").statusCode()).isEqualTo(200);
        HttpResponse<String> lookup = api.getAsApiKey(account("telco", "214748364"));
        assertThat(lookup.statusCode()).isEqualTo(503);
    }

    @Test
    void aLiveReadModelWithoutAccountsIsWarmedUpThroughTheDatabaseAndItsFirstAccountsAsSoonAsTheyAppear()
            throws Exception {
        DatabaseCoordinates database = TestInfrastructure.newDatabase();
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            ProjectorJar.createReadModel(statement);
        }
        String org = Ids.org();
        String externalId = Ids.externalId();
        CompletableFuture<Void> accountAdded = new CompletableFuture<>();
        // as on a first start, where the projector projects the first accounts during the warm-up
        var addsAnAccount = onceAnswered("404", () -> execute(database, ONE_ACCOUNT.formatted(org, externalId)),
                accountAdded);

        Api api = start(database, Duration.ofSeconds(4), List.of(addsAnAccount));

        accountAdded.get(10, TimeUnit.SECONDS);
        WarmupOutcome warmup = outcomeWhenReady.get();
        assertThat(warmup).as("the warm-up had ended when readiness moved").isNotNull();
        assertThat(warmup.statuses()).as("404 before the account was there, then 200 and 404")
                .containsOnlyKeys(200, 404);
        assertThat(api.getAsApiKey(account(org, externalId)).statusCode()).isEqualTo(200);
    }

    @Test
    void aDatabaseThatFallsSilentDuringTheWarmupSlowsItsRequestsButDoesNotEndIt() throws Exception {
        DatabaseCoordinates database = TestInfrastructure.newDatabase();
        String org = Ids.org();
        String externalId = Ids.externalId();
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            ProjectorJar.createReadModel(statement);
            statement.execute(ONE_ACCOUNT.formatted(org, externalId));
        }
        // the lookups wait for the lock as for a frozen server (their statement timeout is longer):
        // longer than the warm-up waits for an answer
        Duration silence = Warmup.REQUEST_TIMEOUT.plusSeconds(1);
        CompletableFuture<Void> spoke = new CompletableFuture<>();
        var fallsSilent = onceAnswered("200", () -> holdTheLookupsFor(database, silence), spoke);
        Duration warmup = silence.plusSeconds(3);

        Api api = start(database, warmup, List.of(fallsSilent), "--accountview.query.timeout=60s");

        spoke.get(30, TimeUnit.SECONDS);
        WarmupOutcome outcome = outcomeWhenReady.get();
        assertThat(outcome).as("the warm-up had ended when readiness moved").isNotNull();
        assertThat(outcome.timedOut()).as("requests in flight while the database was silent").isPositive();
        assertThat(outcome.unanswered()).isZero();
        assertThat(api.actuator("/actuator/prometheus").body()).as("the timed-out requests were served, then removed")
                .doesNotContain(LOOKUP_SERIES);
        assertThat(outcome.took()).as("the warm-up went on after its timed-out requests, " + outcome.summary())
                .isGreaterThanOrEqualTo(warmup);
        assertThat(api.getAsApiKey(account(org, externalId)).statusCode()).isEqualTo(200);
    }

    /** Work on the database, done by the test while the service runs. */
    @FunctionalInterface
    private interface DatabaseWork {
        void run() throws SQLException;
    }

    /**
     * A listener that, once the service has started, waits on a thread of its own until the warm-up
     * has been answered {@code status}, then does {@code work} and completes {@code done}.
     */
    private static ApplicationListener<ApplicationStartedEvent> onceAnswered(String status, DatabaseWork work,
            CompletableFuture<Void> done) {
        return started -> new Thread(() -> {
            try {
                MeterRegistry meters = started.getApplicationContext().getBean(MeterRegistry.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> meters.find(Warmup.REQUESTS_METER)
                        .tag("status", status).timer() != null);
                work.run();
                done.complete(null);
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
            }
        }, "during-the-warm-up").start();
    }

    /** Holds a lock every lookup needs for {@code silence}: the lookups wait as on a frozen server. */
    private static void holdTheLookupsFor(DatabaseCoordinates database, Duration silence) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("LOCK TABLE accountview.generation IN ACCESS EXCLUSIVE MODE");
            statement.execute("SELECT pg_sleep(" + silence.toSeconds() + ")");
            connection.commit();
        }
    }

    private static void execute(DatabaseCoordinates database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(DatabaseCoordinates database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
