package com.accountview.query.support;

import java.time.Duration;
import java.util.Map;

import com.accountview.testinfra.DatabaseCoordinates;
import com.accountview.testinfra.ProjectorSettings;
import com.accountview.testinfra.ServiceJar;

/**
 * The real projector, run from its {@link ProjectorJar executable jar} as a {@link ServiceJar} of
 * its own, so that the query-api is tested against a read model written by the real projection of
 * real events.
 */
public final class ProjectorProcess {

    private ProjectorProcess() {
    }

    /**
     * Starts the projector on the shared broker, writing the given database from the given topics
     * (see {@link ProjectorSettings}), with these further settings (environment variables), and
     * waits until it is live.
     */
    public static ServiceJar start(DatabaseCoordinates database, String accountsTopic, String contractsTopic,
            Map<String, String> settings) {
        Map<String, String> environment = new ProjectorSettings(database, accountsTopic, contractsTopic)
                .environment(settings);
        return ServiceJar.start(ProjectorJar.path(), environment,
                ProjectorJar.path().resolveSibling("projector-for-query-api-it.log")).awaitLive(Duration.ofSeconds(120));
    }
}
