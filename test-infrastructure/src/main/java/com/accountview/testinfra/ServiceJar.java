package com.accountview.testinfra;

import static org.awaitility.Awaitility.await;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service's executable jar running as a process of its own, configured only by environment
 * variables as in production, its output in a log file: so that a test can run the real service,
 * kill it the hard way ({@code SIGKILL}: no shutdown hook, no graceful stop) and start it again.
 * The one launcher of service jars for the integration tests of every module.
 */
public final class ServiceJar implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceJar(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code java -jar jar} with a small heap and quick start-up, on a free {@code SERVER_PORT}
     * of its own unless the environment names one.
     */
    public static ServiceJar start(Path jar, Map<String, String> environment, Path log) {
        try {
            Map<String, String> env = new HashMap<>(environment);
            env.putIfAbsent("SERVER_PORT", String.valueOf(freePort()));
            // in the build's directory, beside the log, not in /tmp: a service closed with SIGKILL leaves
            // its temporary files behind (lz4-java's native library, 210 KB a start; 250 of them piled
            // up in /tmp here in a day of test runs)
            Path temporary = Files.createDirectories(log.toAbsolutePath().getParent().resolve("service-tmp"));
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + temporary,
                    "-jar", jar.toAbsolutePath().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            ServiceJar service = new ServiceJar(builder.start(), Integer.parseInt(env.get("SERVER_PORT")), log);
            // a test JVM that dies must not leave services running
            Runtime.getRuntime().addShutdownHook(new Thread(service.process::destroyForcibly, "service-jar-stop"));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + jar, e);
        }
    }

    /** Waits until {@code /actuator/health/liveness} on its port answers 200; fails at once if it exited. */
    public ServiceJar awaitLive(Duration atMost) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest liveness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/liveness"))
                .timeout(Duration.ofSeconds(2)).build();
        await("service started (log: " + log + ")").atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + ", log: " + log);
            }
            try {
                return client.send(liveness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    /** Kills the process with SIGKILL and waits for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** Asks for a graceful shutdown (SIGTERM) and waits until the process has exited. */
    public void stop() {
        process.destroy();
        if (!waitFor(Duration.ofSeconds(60))) {
            throw new IllegalStateException("service did not stop within 60 s, log: " + log);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        kill();
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
