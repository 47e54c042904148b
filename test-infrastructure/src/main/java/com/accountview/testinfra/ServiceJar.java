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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A service's executable jar running as a process of its own, configured only by environment
 * variables as in production, its output in a log file: so that a test can run the real service,
 * kill it the hard way ({@code SIGKILL}: no shutdown hook, no graceful stop) and start it again.
 * The one launcher of service jars for the integration tests of every module.
 */
public final class ServiceJar implements AutoCloseable {

    /** The lowest port {@link #freePort()} chooses: above the well-known and most registered services' ports. */
    private static final int LOWEST_CHOSEN_PORT = 10_000;

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

    /**
     * A port nothing listens on right now, below the range the kernel draws outgoing connections'
     * ports from: a port the kernel handed out as free (bind to 0) comes from that range, and in the
     * seconds until a service bound it, a connection of any process could take it as its own port
     * (a service failed to start so in CI, "Port 40601 was already in use").
     */
    public static int freePort() {
        int ephemeralFrom = ephemeralPortsFrom();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST_CHOSEN_PORT, ephemeralFrom);
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // another listener has it: draw again
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST_CHOSEN_PORT + " and " + ephemeralFrom);
    }

    /** Linux's lower bound of outgoing connections' ports (32768 by default, and elsewhere). */
    private static int ephemeralPortsFrom() {
        try {
            int from = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim()
                    .split("\\s+")[0]);
            return from > LOWEST_CHOSEN_PORT + 1000 ? from : 32_768;
        } catch (IOException | RuntimeException notLinux) {
            return 32_768;
        }
    }
}
