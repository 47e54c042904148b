package com.accountview.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.accountview.projector.support.EventStream;
import com.accountview.projector.support.ProjectorProcess;
import com.accountview.projector.support.ReadModel;
import com.accountview.testinfra.DatabaseCoordinates;
import com.accountview.testinfra.PostgresServer;
import com.accountview.testinfra.ServiceJar;
import com.accountview.testinfra.TestInfrastructure;
import com.accountview.testinfra.events.TestEvents;

/**
 * PostgreSQL down when the projector starts (the shared server really halted): the projector waits
 * for it, Flyway trying again with a growing pause, and once the database answers it migrates the
 * schema, becomes live and projects. Before, it exited at once.
 */
class DatabaseDownAtStartIT {

    private final PostgresServer postgres = TestInfrastructure.postgres();
    private final String accounts = TestInfrastructure.uniqueName("down-at-start-accounts");

    @Test
    void theProjectorStartedBeforeItsDatabaseWaitsForItAndThenProjects() throws Exception {
        DatabaseCoordinates database = TestInfrastructure.newDatabase();
        ServiceJar projector;
        postgres.halt();
        try {
            projector = ProjectorProcess.start(ProjectorProcess.environment(database, accounts,
                    TestInfrastructure.uniqueName("down-at-start-contracts"), TestInfrastructure.uniqueName("down-at-start")));
            // Flyway's third try has failed: the projector has outlived what used to end it
            await().atMost(ProjectorProcess.STARTUP).until(() -> !projector.isAlive()
                    || Files.readString(projector.log()).contains("Retrying in 4 sec"));
            assertThat(projector.isAlive()).as("still starting (log: %s)", projector.log()).isTrue();
        } finally {
            postgres.restart();
        }

        try (projector; EventStream events = new EventStream(TestInfrastructure.kafkaBootstrapServers(), new ReadModel(database.dataSource()))) {
            projector.awaitLive(ProjectorProcess.STARTUP);
            UUID account = UUID.randomUUID();
            events.sendAndAwait(TestEvents.account(account).org("down-at-start").created().structured(accounts));

            assertThat(new ReadModel(database.dataSource()).account(account)).isPresent();
        }
    }
}
