package com.accountview.projector.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.testinfra.events.TestEvents;

/**
 * A transaction of the projector left open and idle, as by an instance frozen or cut off in the
 * middle of a switch (here: one holding the live generation's lock exclusively, as the switch does),
 * holds every instance's batches back only until PostgreSQL ends it. Until 2026-12-07 nothing ended
 * it: the live projection waited for as long as the frozen process (or, cut off, the server's TCP
 * keepalive, two hours by default on Linux). The default is 60 s; this test sets 2 s to be quick.
 */
@SpringBootTest(properties = "spring.datasource.hikari.data-source-properties.options=-c idle_in_transaction_session_timeout=2s")
// its own context: the shorter timeout must not reach other test classes
@DirtiesContext
class AbandonedTransactionIT extends ProjectorContextTest {

    @Autowired
    Jdbi jdbi;

    @Autowired
    Generations generations;

    @Test
    void anAbandonedTransactionHoldsTheLiveProjectionBackOnlyUntilPostgresEndsIt() throws Exception {
        UUID account = UUID.randomUUID();
        // the switch's own first step, on a session of the projector's pool that then goes idle
        Handle switching = jdbi.open();
        switching.begin();
        GenerationLock.beforeEnding(switching, generations.live().orElseThrow().id());
        Connection abandoned = switching.getConnection();
        events.send(TestEvents.account(account).org("abandoned").sequence(1).externalId("after-the-freeze")
                .created().structured(topics.accounts()));

        await().atMost(Duration.ofSeconds(30)).alias("the account projected once the abandoned transaction ended")
                .until(() -> readModel.account(account).isPresent());
        assertThat(abandoned.isValid(5)).as("the abandoned session, ended by PostgreSQL").isFalse();
        // back to the pool, which rolls an open transaction back first: on an ended session that fails
        assertThatThrownBy(abandoned::close).isInstanceOf(SQLException.class);
    }
}
