package com.accountview.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import com.accountview.query.support.Api;
import com.accountview.query.support.ProjectedReadModel;
import com.accountview.query.support.QueryApiIT;
import com.accountview.query.support.TestAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Sessions the server ended (a restart, a failover, {@code pg_terminate_backend}) cost no request
 * an error, although the pool hands out a connection used in the last half second without checking
 * it: the lookup is run again on a new connection, not on another of the dead ones. The test fills
 * the pool of three with lookups held at a lock, so that all three connections were used just
 * before their sessions are ended.
 */
@QueryApiIT
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=" + EndedSessionsIT.POOL)
class EndedSessionsIT {

    static final int POOL = 3;
    /** The service's sessions: the last statement of each was one of its lookups (see {@link ReadModel}). */
    private static final String SERVICE_SESSIONS = """
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%read_model_lookup_row%'""";

    private final ProjectedReadModel readModel = ProjectedReadModel.shared();
    private final TestAccount account = TestAccount.fresh();
    private final ExecutorService callers = Executors.newFixedThreadPool(POOL);

    @Autowired
    Api api;

    @BeforeEach
    void accountWithAContract() {
        readModel.newAccountWithAContract(account);
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void everyEndpointAnswersRightAfterTheServerEndedEveryPooledSession() throws Exception {
        try (Connection admin = readModel.connect(); Statement statement = admin.createStatement()) {
            for (String endpoint : Api.ENDPOINTS) {
                everyPooledConnectionUsedJustNow(statement);

                String terminate = "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) " + SERVICE_SESSIONS;
                // at least the pool's: sessions of other test contexts in this JVM may be ended too
                assertThat(count(statement, terminate)).as("sessions terminated").isGreaterThanOrEqualTo(POOL);
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                        .until(() -> count(statement, "SELECT count(*) " + SERVICE_SESSIONS) == 0);

                assertThat(api.getAsApiKey(account.path() + endpoint).statusCode())
                        .as("%s right after every session was ended", endpoint).isEqualTo(200);
            }
        }
    }

    /**
     * As many lookups as the pool has connections, held at a lock until all have one, then let go.
     * The lock is held on a connection of its own: {@code statement}'s, outside a transaction, sees
     * {@code pg_stat_activity} anew at every query (inside one it would see the same snapshot).
     */
    private void everyPooledConnectionUsedJustNow(Statement statement) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> lookups;
        try (Connection lockHolder = readModel.connect(); Statement lock = lockHolder.createStatement()) {
            lockHolder.setAutoCommit(false);
            lock.execute("LOCK TABLE accountview.generation IN ACCESS EXCLUSIVE MODE");
            lookups = IntStream.range(0, POOL)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.getAsApiKey(account.path()), callers))
                    .toList();
            String waiting = "SELECT count(*) " + SERVICE_SESSIONS + " AND wait_event_type = 'Lock'";
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                    .until(() -> count(statement, waiting) == POOL);
            lockHolder.rollback();
        }
        for (CompletableFuture<HttpResponse<String>> lookup : lookups) {
            assertThat(lookup.get().statusCode()).as("a lookup that held a connection").isEqualTo(200);
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
