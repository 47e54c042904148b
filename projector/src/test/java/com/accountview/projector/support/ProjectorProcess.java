package com.accountview.projector.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The projector's executable jar running as a process of its own, so that a test can kill it the
 * hard way ({@code SIGKILL}: no shutdown hook, no graceful stop) and start it again.
 */
public final class ProjectorProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ProjectorProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * The settings of a projector on the shared broker and the given database, consuming the given
     * topics in the given consumer group in small batches. A killed member leaves its group after
     * six seconds (the broker's minimum), so restarts rebalance quickly.
     */
    public static Map<String, String> environment(com.accountview.testinfra.DatabaseCoordinates database,
                                                  String accounts, String contracts, String group) {
        return Map.of(
                "SPRING_DATASOURCE_URL", database.jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", database.username(),
                "SPRING_DATASOURCE_PASSWORD", database.password(),
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", com.accountview.testinfra.TestInfrastructure.kafkaBootstrapServers(),
                "SPRING_KAFKA_CONSUMER_GROUP_ID", group,
                "SPRING_KAFKA_CONSUMER_MAX_POLL_RECORDS", "20",
                "ACCOUNTVIEW_TOPICS_ACCOUNTS", accounts,
                "ACCOUNTVIEW_TOPICS_CONTRACTS", contracts,
                "SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\": \"6000\"}");
    }

    /** Starts the jar built by this module with the given settings as environment variables. */
    public static ProjectorProcess start(Map<String, String> environment) {
        try {
            int port = freePort();
            Path log = Files.createTempFile("projector-", ".log");
            ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-jar", executableJar().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = new HashMap<>(environment);
            env.put("SERVER_PORT", String.valueOf(port));
            builder.environment().putAll(env);
            return new ProjectorProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the actuator answers, i.e. the context started and the listener runs. */
    public ProjectorProcess awaitStarted() {
        HttpClient client = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("projector exited with " + process.exitValue() + ", log: " + log);
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/liveness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    /** Kills the process with SIGKILL and waits for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks for a graceful shutdown (SIGTERM) and waits until the process has exited. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("projector did not stop within 60 s, log: " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        kill();
    }

    private static Path executableJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("projector-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No projector jar in target/: run the integration tests with 'verify' (after 'package')"));
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
