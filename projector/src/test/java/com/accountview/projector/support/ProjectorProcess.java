package com.accountview.projector.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import com.accountview.testinfra.DatabaseCoordinates;
import com.accountview.testinfra.ProjectorSettings;
import com.accountview.testinfra.ServiceJar;

/** The projector's executable jar, built by this module, as a {@link ServiceJar} of its own. */
public final class ProjectorProcess {

    /**
     * How long a started jar may take to become live. A few seconds on a quiet machine; two JVMs
     * starting side by side on a busy two-core CI machine have been seen to need 90.
     */
    public static final Duration STARTUP = Duration.ofSeconds(180);

    private ProjectorProcess() {
    }

    /**
     * The settings of a projector on the shared broker and the given database (see
     * {@link ProjectorSettings}), consuming the given topics in the given consumer group in small
     * batches. A killed member leaves its group after six seconds (the broker's minimum), so
     * restarts rebalance quickly.
     */
    public static Map<String, String> environment(DatabaseCoordinates database, String accounts, String contracts,
                                                  String group) {
        return new ProjectorSettings(database, accounts, contracts).environment(Map.of(
                "SPRING_KAFKA_CONSUMER_GROUP_ID", group,
                "SPRING_KAFKA_CONSUMER_MAX_POLL_RECORDS", "20",
                "SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\": \"6000\"}"));
    }

    /**
     * Starts the jar with the given settings as environment variables; see {@link ServiceJar#awaitLive}.
     * Its log goes to {@code target/projector-processes/}, beside the test reports it explains (in the
     * temporary directory, every run left its logs behind).
     */
    public static ServiceJar start(Map<String, String> environment) {
        try {
            Path logs = Files.createDirectories(Path.of("target", "projector-processes"));
            return ServiceJar.start(executableJar(), environment, Files.createTempFile(logs, "projector-", ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path executableJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("projector-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No projector jar in target/: run the integration tests with 'verify' (after 'package')"));
        }
    }
}
