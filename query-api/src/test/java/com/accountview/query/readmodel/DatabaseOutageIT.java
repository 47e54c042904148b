package com.accountview.query.readmodel;

import static com.accountview.query.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.accountview.query.support.Api;
import com.accountview.query.support.OpenApiContract;
import com.accountview.query.support.ProjectedReadModel;
import com.accountview.query.support.QueryApiIT;
import com.accountview.query.support.TestAccount;
import com.accountview.testinfra.PostgresServer;
import com.accountview.testinfra.TestInfrastructure;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After} when the pool is exhausted and when the
 * database is really stopped. A pool of one connection makes exhaustion easy to cause; stopping
 * the shared server affects everything in this JVM, so it is restarted in {@code finally} and the
 * test waits until the API answers again.
 */
@QueryApiIT
@TestPropertySource(properties = {
        "spring.datasource.hikari.maximum-pool-size=1",
        "spring.datasource.hikari.connection-timeout=500"})
class DatabaseOutageIT {

    private final ProjectedReadModel readModel = ProjectedReadModel.shared();
    private final TestAccount account = TestAccount.fresh();

    @Autowired
    Api api;

    @Autowired
    HikariDataSource pool;

    @BeforeEach
    void accountExists() {
        readModel.newAccount(account);
    }

    private void assertUnavailable(HttpResponse<String> response, String endpoint) {
        assertThat(response.statusCode()).as(endpoint).isEqualTo(503);
        assertThat(json(response).path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        OpenApiContract.document().assertConforms(OpenApiContract.ACCOUNT + endpoint, response);
    }

    @Test
    void thePoolChecksAnIdleConnectionNoLongerThanARequestWaitsForOne() {
        // HikariCP's default check waited 5 s on a frozen database (docs/api.md)
        assertThat(pool.getValidationTimeout()).isEqualTo(pool.getConnectionTimeout()).isEqualTo(500);
    }

    @Test
    void exhaustedPoolIsServiceUnavailable() throws Exception {
        try (Connection lockHolder = readModel.connect(); Statement statement = lockHolder.createStatement();
             LookupSessions sessions = new LookupSessions(readModel)) {
            lockHolder.setAutoCommit(false);
            statement.execute("LOCK TABLE accountview.generation IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<HttpResponse<String>> holdsTheOnlyConnection =
                    CompletableFuture.supplyAsync(() -> api.getAsApiKey(account.path()));
            try {
                await().atMost(Duration.ofSeconds(5)).until(() -> sessions.waitingForALock() > 0);

                assertUnavailable(api.getAsApiKey(account.path() + "/contracts"), "/contracts");
            } finally {
                lockHolder.rollback();
            }
            assertThat(holdsTheOnlyConnection.get().statusCode()).isIn(200, 504);
        }
        assertThat(api.getAsApiKey(account.path()).statusCode()).isEqualTo(200);
    }

    @Test
    void stoppedDatabaseIsServiceUnavailableAndNotReady() {
        PostgresServer postgres = TestInfrastructure.postgres();
        postgres.halt();
        try {
            for (String endpoint : Api.ENDPOINTS) {
                assertUnavailable(api.getAsApiKey(account.path() + endpoint), endpoint);
            }
            HttpResponse<String> readiness = api.actuator("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
            assertThat(json(readiness).path("status").asString()).isEqualTo("DOWN");
            assertThat(api.actuator("/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            postgres.restart();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.getAsApiKey(account.path()).statusCode() == 200);
        assertThat(api.actuator("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }
}
