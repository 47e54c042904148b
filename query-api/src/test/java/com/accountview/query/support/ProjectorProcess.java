package com.accountview.query.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The real projector, run from its {@link ProjectorJar executable jar} as a process of its own, so that the query-api is tested against a read model
 * written by the real projection of real events.
 */
final class ProjectorProcess {

    private final Process process;
    private final Path log;

    private ProjectorProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ProjectorProcess start(Map<String, String> environment) {
        Path jar = ProjectorJar.path();
        try {
            int port = freePort();
            Path log = jar.resolveSibling("projector-for-query-api-it.log");
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            ProjectorProcess projector = new ProjectorProcess(builder.start(), log);
            Runtime.getRuntime().addShutdownHook(new Thread(projector.process::destroyForcibly, "projector-stop"));
            projector.awaitLive(port);
            return projector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitLive(int port) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest liveness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/liveness"))
                .timeout(Duration.ofSeconds(2)).build();
        await("projector started (log: " + log + ")").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("projector exited with " + process.exitValue() + ", log: " + log);
                    }
                    try {
                        return client.send(liveness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
