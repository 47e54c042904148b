package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.accountview.tools.stack.LoopbackPorts;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./accountview bench --quick} end to end on real processes: PostgreSQL, a Kafka broker in a
 * JVM of its own, the projector, the query-api, the ceiling program and pgbench (or the JDBC loop).
 * The table has every row with sane numbers, both read models and the rebuilt one were verified,
 * the queries during the rebuild saw no error, and everything it started is gone when it ends, also
 * when it is stopped midway. Needs the jars built (the reactor packages them before this module's
 * integration tests).
 */
class BenchCommandIT {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern NUMBER = Pattern.compile("^[0-9][0-9,]*(\\.[0-9]+)?");
    /**
     * /proc counts CPU time in 10-ms ticks, rounded per thread for the compiler threads and per process
     * for the whole: over the second or so of the quick run's projection (about 1.5 CPU-s), the rounding
     * of three compiler threads and of the process at both ends (up to 8 ticks, 80 ms) can put the part
     * a few percent above the whole (seen once in CI: 66.0 against 64.5 per million).
     */
    private static final double TICK_ROUNDING = 0.10;

    @TempDir
    Path temp;

    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
    private final List<Process> launchers = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() throws IOException {
        launchers.forEach(Process::destroyForcibly);
        seen.forEach(ProcessHandle::destroyForcibly);
        postgres().ifPresent(ProcessHandle::destroy);
    }

    /**
     * Two runs: the second must project exactly the history the first did (nothing the first published
     * leaks in); with an open-loop rate, whose rows come after the closed loops'.
     */
    @Test
    void theQuickBenchmarkPrintsEveryRowWithSaneNumbersAndLeavesNothingRunning() throws Exception {
        int[] ports = LoopbackPorts.free(6);
        Path output = temp.resolve("bench.out");
        // windows shorter than --quick's and a query-api warm-up of 3 s instead of 20: every row is still
        // measured, in about 3.5 minutes instead of 5 (the test asserts the table, not the numbers' precision)
        Process bench = start(ports, output, "--runs", "2", "--accounts", "2000", "--open-loop-rates", "300",
                "--query-window", "2s", "--warmup", "1s", "--startup-window", "2s", "--freshness-window", "2s",
                "--service-jvm-options", "-Xmx384m -Daccountview.warmup.duration=3s");

        assertThat(bench.waitFor(10, TimeUnit.MINUTES)).as("the quick benchmark ends").isTrue();
        String text = Files.readString(output);
        assertThat(bench.exitValue()).as(text).isZero();

        Map<String, List<String>> rows = rows(text);
        assertThat(rows.get("read model equals the reference, row by row")).startsWith("2 of 2 runs", "2 of 2 runs");
        assertThat(text).contains("AccountView's read model against the reference: equal: ",
                "the ceiling program's read model against the reference: equal: ");
        assertPositive(rows, "projection: events/s", 2);
        assertPositive(rows, "projection: CPU-s per 1M events in the sink's JVM", 2);
        assertPositive(rows, "projection: CPU-s per 1M events in PostgreSQL", 2);
        assertPartOf(rows, "projection: of it, CPU-s per 1M events in the JIT compiler's threads",
                "projection: CPU-s per 1M events in the sink's JVM", 2, TICK_ROUNDING);
        for (int connections : List.of(16, 64)) {
            for (Endpoint endpoint : Endpoint.values()) {
                String label = endpoint.label() + ", " + connections + " connections";
                assertPositive(rows, label + ": requests/s", 2);
                assertThat(rows.get(label + ": requests/s").get(3)).as(label).contains("answers 200: ")
                        .doesNotContain(" errors");
                assertOrderedPercentiles(rows.get(label + ": p50 / p99 / p99.9 ms").get(0));
                assertOrderedPercentiles(rows.get(label + ": p50 / p99 / p99.9 ms").get(1));
            }
        }
        for (Endpoint endpoint : Endpoint.values()) {
            String label = endpoint.label() + ", 64 connections, open loop at 300 requests/s";
            assertPositive(rows, label + ": requests/s", 2);
            assertThat(rows.get(label + ": requests/s").get(3)).as(label).contains("answers 200: ").doesNotContain(" errors");
            assertOrderedPercentiles(rows.get(label + ": p50 / p99 / p99.9 ms").get(0));
            assertOrderedPercentiles(rows.get(label + ": p50 / p99 / p99.9 ms").get(1));
            assertThat(rows.get(label + ": p50 / p99 / p99.9 ms").get(3)).contains("counted from when each request was due");
        }
        assertPositive(rows, "query-api, first 2 s after it answered: requests/s", 1);
        assertThat(rows.get("freshness at 1,000 events/s: p50 / p99 ms").get(0)).matches("[0-9.,]+ / [0-9.,]+");
        assertThat(rows.get("freshness at 1,000 events/s: p50 / p99 ms").get(3)).as("the projector's share of freshness")
                .containsPattern("in the projector, event time to applied .*: p50 ≤ [0-9.,]+, p99 ≤ [0-9.,]+ ms");
        List<String> rebuild = rows.get("rebuild: events/s; query errors during it");
        assertThat(rebuild).as("the rebuild row").isNotNull();
        assertThat(rebuild.get(0)).as("rebuild rate; query errors").endsWith("; 0");
        assertPositive(rows, "rebuild: events/s; query errors during it", 2);
        assertThat(rebuild.get(3)).as("rebuild notes").contains("answers 200: ", "equals the reference in 2 of 2 runs");
        assertThat(text).contains("the rebuilt generation 2's read model against the reference: equal: ");
        String megabytes = "[0-9,]+( \\([0-9,]+–[0-9,]+\\))?"; // a median, with the range over the runs
        assertThat(rows.get("peak RSS (VmHWM), MB: projector / query-api").get(0)).matches(megabytes + " / " + megabytes);
        assertThat(text).contains("machine: ", "command: ./accountview bench --quick", "history: ", "runs: 2");
        assertThat(temp.resolve("data").resolve("results.md")).content().contains("| projection: events/s");

        assertEverythingStopped(ports);
    }

    @Test
    void stoppedMidwayItStopsEverythingItStarted() throws Exception {
        int[] ports = LoopbackPorts.free(6);
        Path output = temp.resolve("bench.out");
        Process bench = start(ports, output);
        Awaitility.await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(bench.isAlive()).as(Files.readString(output)).isTrue();
            return Files.readString(output).contains("AccountView projected");
        });

        bench.destroy(); // SIGTERM, as Ctrl-C would

        assertThat(bench.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(output)).contains("stopping Kafka", "stopping PostgreSQL");
        assertEverythingStopped(ports);
    }

    private Process start(int[] ports, Path output, String... moreOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", PROJECT.resolve("accountview").toString(), "bench", "--quick", "--no-build",
                "--data-dir", temp.resolve("data").toString(),
                "--http-port", String.valueOf(ports[0]), "--query-api-management-port", String.valueOf(ports[1]),
                "--projector-port", String.valueOf(ports[2]), "--kafka-port", String.valueOf(ports[3]),
                "--kafka-controller-port", String.valueOf(ports[4]), "--postgres-port", String.valueOf(ports[5])));
        command.addAll(List.of(moreOptions));
        if (!command.contains("--service-jvm-options")) {
            command.addAll(List.of("--service-jvm-options", "-Xmx384m"));
        }
        Process process = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        launchers.add(process);
        // every process the benchmark starts, as long as it runs: afterwards they must all be gone
        Thread watcher = new Thread(() -> {
            while (process.isAlive()) {
                process.descendants().forEach(seen::add);
                postgres().ifPresent(seen::add);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-process-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return process;
    }

    private void assertEverythingStopped(int[] ports) {
        assertThat(seen).as("processes seen while it ran").hasSizeGreaterThanOrEqualTo(4);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(seen).as("every process it started").noneMatch(ProcessHandle::isAlive);
            for (int port : ports) {
                assertThat(LoopbackPorts.accepts(port)).as("port %d is closed", port).isFalse();
            }
        });
    }

    private java.util.Optional<ProcessHandle> postgres() {
        Path pidFile = temp.resolve("data").resolve("postgres").resolve("postmaster.pid");
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                    .filter(process -> process.info().commandLine().orElse("").contains(temp.toString()));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The table's rows by measure: the cells after the first. */
    private static Map<String, List<String>> rows(String text) {
        Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith("| ") && !line.startsWith("| measure ")) {
                List<String> cells = java.util.Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                        .map(String::strip).toList();
                rows.put(cells.get(0), cells.subList(1, cells.size()));
            }
        }
        return rows;
    }

    private static void assertPositive(Map<String, List<String>> rows, String measure, int columns) {
        assertThat(rows).as("the table's rows").containsKey(measure);
        for (int column = 0; column < columns; column++) {
            String cell = rows.get(measure).get(column);
            Matcher number = NUMBER.matcher(cell);
            assertThat(number.find()).as("%s, column %d: %s", measure, column + 1, cell).isTrue();
            assertThat(Double.parseDouble(number.group().replace(",", ""))).as("%s, column %d", measure, column + 1)
                    .isPositive();
        }
    }

    private static void assertPartOf(Map<String, List<String>> rows, String part, String whole, int columns) {
        assertPartOf(rows, part, whole, columns, 0);
    }

    /** @param slack the share by which the part may exceed the whole through the measurement's resolution */
    private static void assertPartOf(Map<String, List<String>> rows, String part, String whole, int columns,
                                     double slack) {
        assertThat(rows).as("the table's rows").containsKey(part);
        for (int column = 0; column < columns; column++) {
            Matcher partNumber = NUMBER.matcher(rows.get(part).get(column));
            Matcher wholeNumber = NUMBER.matcher(rows.get(whole).get(column));
            assertThat(partNumber.find() && wholeNumber.find()).as("%s and %s, column %d", part, whole, column + 1).isTrue();
            assertThat(Double.parseDouble(partNumber.group().replace(",", ""))).as("%s, column %d", part, column + 1)
                    .isNotNegative().isLessThanOrEqualTo(Double.parseDouble(wholeNumber.group().replace(",", "")) * (1 + slack));
        }
    }

    private static void assertOrderedPercentiles(String cell) {
        String[] parts = cell.split(" / ");
        assertThat(parts).as(cell).hasSize(3);
        double p50 = Double.parseDouble(parts[0].replace(",", ""));
        double p99 = Double.parseDouble(parts[1].replace(",", ""));
        double p999 = Double.parseDouble(parts[2].replace(",", ""));
        assertThat(p50).as(cell).isPositive().isLessThanOrEqualTo(p99);
        assertThat(p99).as(cell).isLessThanOrEqualTo(p999);
    }
}
