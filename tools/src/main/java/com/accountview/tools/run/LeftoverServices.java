package com.accountview.tools.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Remembers the service processes of a run in the data directory, so that the next run can stop
 * those a killed launcher (SIGKILL, a crash) could not stop itself. Only a process still running
 * the recorded jar is stopped.
 */
final class LeftoverServices {

    private final Path file;

    LeftoverServices(Path dataDir) {
        this.file = dataDir.resolve("services.pid");
    }

    /** Stops the services a previous run left running; returns their names. */
    List<String> stop() throws IOException, InterruptedException {
        List<String> stopped = new ArrayList<>();
        if (!Files.exists(file)) {
            return stopped;
        }
        for (String line : Files.readAllLines(file)) {
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
        Files.delete(file);
        return stopped;
    }

    void record(List<ServiceProcess> services) throws IOException {
        List<String> lines = new ArrayList<>();
        for (ServiceProcess service : services) {
            lines.add(service.name() + " " + service.pid() + " " + service.jar().toAbsolutePath());
        }
        Files.write(file, lines);
    }

    void forget() throws IOException {
        Files.deleteIfExists(file);
    }
}
