package com.accountview.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
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
        try (LookupSessions sessions = new LookupSessions(readModel)) {
            for (String endpoint : Api.ENDPOINTS) {
                everyPooledConnectionUsedJustNow(sessions);

                // at least the pool's: sessions of other test contexts in this JVM may be ended too
                assertThat(sessions.terminateAll()).as("sessions terminated").isGreaterThanOrEqualTo(POOL);
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                        .until(() -> sessions.count() == 0);

                assertThat(api.getAsApiKey(account.path() + endpoint).statusCode())
                        .as("%s right after every session was ended", endpoint).isEqualTo(200);
            }
        }
    }

    /** As many lookups as the pool has connections, held at a lock until all have one, then let go. */
    private void everyPooledConnectionUsedJustNow(LookupSessions sessions) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> lookups;
        try (Connection lockHolder = readModel.connect(); Statement lock = lockHolder.createStatement()) {
            lockHolder.setAutoCommit(false);
            lock.execute("LOCK TABLE accountview.generation IN ACCESS EXCLUSIVE MODE");
            lookups = IntStream.range(0, POOL)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.getAsApiKey(account.path()), callers))
                    .toList();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                    .until(() -> sessions.waitingForALock() == POOL);
            lockHolder.rollback();
        }
        for (CompletableFuture<HttpResponse<String>> lookup : lookups) {
            assertThat(lookup.get().statusCode()).as("a lookup that held a connection").isEqualTo(200);
        }
    }
}
