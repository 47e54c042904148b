package com.accountview.tools.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a killed launcher (SIGKILL, a crash) leaves running, found through the data directory and
 * stopped by the next run before it starts anything: the services, whose process ids the launcher
 * records in {@code services.pid} as it starts them, and PostgreSQL, which records its own (see
 * {@link LocalPostgres#leftover}). Only a process that is still the recorded one is stopped: a
 * service still running the recorded jar, a PostgreSQL server still serving this data directory.
 * The Kafka broker of a local run runs in the launcher's JVM and dies with it; a broker in a JVM of its
 * own (the benchmark's) is a recorded service too, and stops by itself when its launcher is gone.
 * Not thread-safe.
 */
public final class Leftovers {

    private final Path services;
    private final Path postgresData;

    public Leftovers(Path dataDir, Path postgresData) {
        this.services = dataDir.resolve("services.pid");
        this.postgresData = postgresData;
    }

    /**
     * Stops what a previous run left running, saying first what and then each one stopped: the
     * services all at once (each may take its graceful shutdown's time), then PostgreSQL, their
     * database.
     *
     * @param earlier what left them, as the messages say it ("an earlier run")
     */
    public void stop(Console console, String earlier) throws IOException, InterruptedException {
        List<Leftover> running = services();
        List<Leftover> found = new ArrayList<>(running);
        LocalPostgres.leftover(postgresData).ifPresent(postgres -> found.add(new Leftover("PostgreSQL", postgres)));
        if (found.isEmpty()) {
            // nothing recorded runs any more: stale ids must not be taken for this run's services later
            Files.deleteIfExists(services);
            return;
        }
        console.say("stopping " + found.stream().map(Leftover::toString).collect(Collectors.joining(", "))
                + " left running by " + earlier + " (SIGTERM; forcibly after " + ServiceProcess.GRACE.toSeconds() + " s)");
        // every service asked at once; PostgreSQL only once they are gone, as it waits for their sessions
        running.forEach(service -> service.process().destroy());
        for (Leftover leftover : found) {
            ServiceProcess.stop(leftover.process());
            console.say("stopped " + leftover + " left running by " + earlier);
        }
        Files.deleteIfExists(services);
    }

    /** The recorded services still running their recorded jars. */
    private List<Leftover> services() throws IOException {
        List<Leftover> found = new ArrayList<>();
        if (Files.exists(services)) {
            for (String line : Files.readAllLines(services)) {
                String[] parts = line.split(" ", 3);
                if (parts.length < 3) {
                    continue;
                }
                ProcessHandle.of(Long.parseLong(parts[1]))
                        .filter(ProcessHandle::isAlive)
                        .filter(handle -> handle.info().commandLine().map(command -> command.contains(parts[2])).orElse(false))
                        .ifPresent(process -> found.add(new Leftover(parts[0], process)));
            }
        }
        return found;
    }

    private record Leftover(String name, ProcessHandle process) {
        @Override
        public String toString() {
            return name + " (pid " + process.pid() + ")";
        }
    }

    /** Records a service as soon as it started, so that a launcher killed at any later moment leaves it found. */
    public void record(ServiceProcess service) throws IOException {
        Files.writeString(services, service.name() + " " + service.pid() + " " + service.jar().toAbsolutePath() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public void forget() throws IOException {
        Files.deleteIfExists(services);
    }
}
