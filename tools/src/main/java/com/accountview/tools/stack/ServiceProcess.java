package com.accountview.tools.stack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One service (projector or query-api, or a command of the tools jar such as the broker) as a child
 * JVM running an executable jar, configured by environment variables exactly as it would be in
 * production, its output appended to a log file. Its temporary files (Tomcat's base directory,
 * lz4-java's native library) go to a directory of its own beside the log, {@code <name>.tmp}, emptied
 * at each start, not to /tmp. Its standard input stays an open pipe: a child that reads it sees its end
 * when this JVM exits, however it exits. Thread-safe.
 */
public final class ServiceProcess {

    static final Duration GRACE = Duration.ofSeconds(40);

    private final String name;
    private final Path jar;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, Path jar, Process process, Path log) {
        this.name = name;
        this.jar = jar;
        this.process = process;
        this.log = log;
    }

    public static ServiceProcess start(String name, Path jar, Map<String, String> environment, List<String> jvmOptions,
                                       Path log) throws IOException {
        return start(name, jar, environment, jvmOptions, List.of(), log);
    }

    /** Starts {@code java <jvmOptions> -jar <jar> <arguments>} with {@code environment} added to this process's. */
    public static ServiceProcess start(String name, Path jar, Map<String, String> environment, List<String> jvmOptions,
                                       List<String> arguments, Path log) throws IOException {
        return start(JavaRuntime.current(), name, jar, environment, jvmOptions, arguments, log);
    }

    /** {@link #start(String, Path, Map, List, List, Path)} on {@code java}. */
    static ServiceProcess start(JavaRuntime java, String name, Path jar, Map<String, String> environment,
                                List<String> jvmOptions, List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.executable());
        // before the caller's options, so that one of theirs naming another directory wins
        command.add("-Djava.io.tmpdir=" + temporaryDirectory(name, log));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ServiceProcess(name, jar, builder.start(), log);
    }

    /**
     * {@code <name>.tmp} beside {@code log}, emptied. Not /tmp, where the files stayed: Spring Boot deletes
     * Tomcat's base directory on exit only if it is empty, which it never is, and a killed JVM leaves
     * lz4-java's library too. Nothing in it outlives its process, and the last process of this name has
     * ended by now (a launcher stops what a killed one left before it starts anything).
     */
    static Path temporaryDirectory(String name, Path log) throws IOException {
        Path directory = log.toAbsolutePath().resolveSibling(name + ".tmp");
        if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            // not following links: a link's target, wherever it is, is left alone
            DirectoryContents.delete(directory, file -> false);
        }
        return Files.createDirectories(directory);
    }

    public String name() {
        return name;
    }

    Path jar() {
        return jar;
    }

    /** For a run that is awaited to its end, as the query-api's AOT training ({@link AotCache#START_AND_EXIT}). */
    Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public void stop() throws InterruptedException {
        stop(process.toHandle());
    }

    /**
     * SIGTERM, so Spring Boot shuts down gracefully; forcibly after a grace period. Also for what an
     * earlier, killed launcher left running: its services, and its PostgreSQL server, for which
     * SIGTERM is a smart shutdown that ends once the clients are gone (they were stopped first).
     */
    static void stop(ProcessHandle process) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!exitsWithin(process, GRACE)) {
            process.destroyForcibly();
            exitsWithin(process, Duration.ofSeconds(10));
        }
    }

    private static boolean exitsWithin(ProcessHandle process, Duration timeout) throws InterruptedException {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("onExit never fails", e);
        }
    }
}
