package com.accountview.tools.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** Stops what a previous run left running, the services before PostgreSQL (their database); returns what it stopped. */
    public List<String> stop() throws IOException, InterruptedException {
        List<String> stopped = new ArrayList<>();
        if (Files.exists(services)) {
            for (String line : Files.readAllLines(services)) {
                String[] parts = line.split(" ", 3);
                if (parts.length < 3) {
                    continue;
                }
                Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[1]))
                        .filter(ProcessHandle::isAlive)
                        .filter(handle -> handle.info().commandLine().map(command -> command.contains(parts[2])).orElse(false));
                if (process.isPresent()) {
                    ServiceProcess.stop(process.get());
                    stopped.add(parts[0] + " (pid " + parts[1] + ")");
                }
            }
            Files.delete(services);
        }
        Optional<ProcessHandle> postgres = LocalPostgres.leftover(postgresData);
        if (postgres.isPresent()) {
            ServiceProcess.stop(postgres.get());
            stopped.add("PostgreSQL (pid " + postgres.get().pid() + ")");
        }
        return stopped;
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
