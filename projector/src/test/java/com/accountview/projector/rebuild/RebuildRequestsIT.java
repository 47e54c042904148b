package com.accountview.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.accountview.projector.generations.Generations;
import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.projector.support.RebuildEndpoint;
import com.accountview.testinfra.TestInfrastructure;
import com.accountview.testinfra.events.TestEvents;

/**
 * The admin endpoint: only with the admin token, one rebuild at a time, a cancel that drops the new
 * generation and leaves the live one serving, and 503 while the database is unreachable. The
 * outage test stops the shared PostgreSQL and starts it again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "accountview.rebuild.admin-token=" + RebuildRequestsIT.TOKEN,
        // no supervision after the first check at start-up: a rebuild never finishes while the test looks at it
        "accountview.rebuild.check-interval=1h"})
class RebuildRequestsIT extends ProjectorContextTest {

    static final String TOKEN = "rebuild-requests-it-token";

    @LocalServerPort
    int port;

    @Autowired
    Generations generations;

    @Autowired
    Rebuilds rebuilds;

    @Autowired
    RebuildSupervisor supervisor;

    @AfterEach
    void noRebuildLeftRunning() {
        new RebuildEndpoint(port, TOKEN).cancel();
    }

    @Test
    void withoutTheAdminTokenEveryRequestIs401() {
        RebuildEndpoint anonymous = new RebuildEndpoint(port, null);
        RebuildEndpoint forger = new RebuildEndpoint(port, "not-the-token");

        assertThat(anonymous.status().status()).isEqualTo(401);
        assertThat(anonymous.start("no").status()).isEqualTo(401);
        assertThat(forger.start("no").status()).isEqualTo(401);
        assertThat(forger.cancel().status()).isEqualTo(401);
        assertThat(anonymous.start("no").body().path("message").asString()).contains("Authorization: Bearer");
        assertThat(new RebuildEndpoint(port, TOKEN).status().rebuildGeneration()).isZero();
    }

    @Test
    void aSecondRequestWhileARebuildRunsIsRefusedWithAClearMessage() {
        RebuildEndpoint endpoint = new RebuildEndpoint(port, TOKEN);
        int building = endpoint.start("first").rebuildGeneration();

        RebuildEndpoint.Answer second = endpoint.start("second");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().path("message").asString())
                .contains("A rebuild is running already: generation " + building).contains("cancel");
        assertThat(endpoint.status().rebuildGeneration()).isEqualTo(building);
    }

    @Test
    void cancelDropsTheNewGenerationAndTheLiveOneKeepsServingAndApplying() {
        RebuildEndpoint endpoint = new RebuildEndpoint(port, TOKEN);
        int live = endpoint.status().liveGeneration();
        int building = endpoint.start("to be cancelled").rebuildGeneration();
        String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
        UUID account = UUID.randomUUID();

        RebuildEndpoint.Answer cancelled = endpoint.cancel();

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("cancelled").asInt()).isEqualTo(building);
        assertThat(endpoint.status().liveGeneration()).isEqualTo(live);
        assertThat(endpoint.status().rebuildGeneration()).isZero();
        assertThat(jdbc().queryForObject("SELECT state FROM accountview.generation WHERE id = ?", String.class, building))
                .isEqualTo("CANCELLED");
        assertThat(jdbc().queryForObject("SELECT to_regclass('accountview.account_g" + building + "') IS NULL",
                Boolean.class)).isTrue();
        events.sendAndAwait(TestEvents.account(account).org(org).sequence(1).externalId("after-cancel").created()
                .structured(topics.accounts()));
        assertThat(readModel.accountsCarrying(org, "after-cancel")).containsExactly(account);
        assertThat(endpoint.cancel().status()).isEqualTo(404);
    }

    /**
     * A cancel that lands while the supervision indexes and attaches: attached, a cancelled
     * generation's partitions could only be dropped by locking their parent, which queries hold.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aGenerationCancelledBeforeItIsAttachedIsNeverAttached(CapturedOutput output) {
        RebuildEndpoint endpoint = new RebuildEndpoint(port, TOKEN);
        int building = endpoint.start("cancelled before attaching").rebuildGeneration();
        assertThat(endpoint.cancel().status()).isEqualTo(200);

        assertThat(generations.indexAndAttach(building)).isFalse();
        assertThat(output.getAll()).contains("Generation " + building + " is no longer being built (CANCELLED)");

        assertThat(jdbc().queryForObject("SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE c.relname LIKE ?", Integer.class, "%_g" + building)).isZero();
        assertThat(jdbc().queryForObject("SELECT to_regclass('accountview.account_g" + building + "') IS NULL",
                Boolean.class)).isTrue();
    }

    @Test
    void aCancelledRebuildIsNoLongerReportedAsRunning() {
        RebuildEndpoint endpoint = new RebuildEndpoint(port, TOKEN);
        int building = endpoint.start("measured, then cancelled").rebuildGeneration();
        rebuilds.measured(new RebuildProgress(building, Instant.now(), 10, 20, Map.of(topics.accounts(), 5L), 1.0));
        assertThat(meters.get("accountview.projector.rebuild.running").gauge().value()).isEqualTo(1.0);

        endpoint.cancel();
        supervisor.tick();

        assertThat(meters.get("accountview.projector.rebuild.running").gauge().value()).isZero();
        assertThat(meters.get("accountview.projector.rebuild.generation").gauge().value()).isZero();
        assertThat(endpoint.status().body().path("rebuild").isNull()).isTrue();
    }

    /** A projector older than the live generation would replace the newer read model with its own. */
    @Test
    void aProjectorOlderThanTheLiveGenerationRefusesToRebuild() {
        int live = new RebuildEndpoint(port, TOKEN).status().liveGeneration();
        jdbc().update("UPDATE accountview.generation SET projection_version = projection_version + 1 WHERE id = ?", live);
        try {
            RebuildEndpoint.Answer refused = new RebuildEndpoint(port, TOKEN).start("from an older projector");

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().path("message").asString()).contains("is older than version");
            assertThat(jdbc().queryForObject("SELECT count(*) FROM accountview.generation WHERE state = 'BUILDING'",
                    Integer.class)).isZero();
        } finally {
            jdbc().update("UPDATE accountview.generation SET projection_version = projection_version - 1 WHERE id = ?",
                    live);
        }
    }

    @Test
    void cancellingEndsTheNewGenerationsConsumption() {
        RebuildEndpoint endpoint = new RebuildEndpoint(port, TOKEN);
        int building = endpoint.start("watched").rebuildGeneration();
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.find("accountview.projector.batch.apply")
                .tag("generation", String.valueOf(building)).timer() != null
                || meters.find("accountview.projector.positioning.failures")
                .tag("generation", String.valueOf(building)).counter() != null);

        endpoint.cancel();

        await().atMost(Duration.ofSeconds(30)).until(() -> meters.find("accountview.projector.positioning.failures")
                .tag("generation", String.valueOf(building)).counter() == null);
    }

    @Test
    void whileTheDatabaseIsUnreachableTheEndpointAnswers503AndSaysWhy() {
        RebuildEndpoint endpoint = new RebuildEndpoint(port, TOKEN);
        int live = endpoint.status().liveGeneration();

        TestInfrastructure.postgres().halt();
        RebuildEndpoint.Answer status;
        RebuildEndpoint.Answer start;
        try {
            status = endpoint.status();
            start = endpoint.start("while the database is down");
        } finally {
            TestInfrastructure.postgres().restart();
        }

        assertThat(status.status()).isEqualTo(503);
        assertThat(status.body().path("error").asString()).isEqualTo("database unavailable");
        assertThat(status.body().path("message").asString()).contains("cannot reach its database", "ask again");
        assertThat(start.status()).isEqualTo(503);
        assertThat(start.body().path("message").asString()).contains("GET shows");
        await().atMost(Duration.ofSeconds(60)).until(() -> endpoint.status().status() == 200);
        assertThat(endpoint.status().liveGeneration()).isEqualTo(live);
        assertThat(endpoint.status().rebuildGeneration()).as("the refused start started nothing").isZero();
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}
