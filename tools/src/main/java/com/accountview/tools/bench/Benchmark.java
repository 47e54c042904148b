package com.accountview.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.accountview.tools.stack.Console;
import com.accountview.tools.stack.DataDirectory;
import com.accountview.tools.stack.LocalStackException;
import com.accountview.tools.stack.Shutdown;

/**
 * The whole benchmark: starts the parts, publishes the history, performs the runs, the optional soak,
 * prints the table and writes it with the machine and the command to {@code results.md} in the data
 * directory. Everything started is stopped at the end, on failure and on Ctrl-C. Not thread-safe.
 */
final class Benchmark {

    private final BenchSettings settings;
    private final Console console;
    private final String command;

    Benchmark(BenchSettings settings, Console console, String command) {
        this.settings = settings;
        this.console = console;
        this.command = command;
    }

    /** Returns the report's text. */
    String run(DataDirectory data) throws Exception {
        if (!ProcFiles.available()) {
            throw new LocalStackException("the benchmark reads CPU time and memory from Linux's /proc, which is not here");
        }
        MachineInfo machine = MachineInfo.current();
        Shutdown shutdown = new Shutdown(console);
        Thread hook = new Thread(shutdown::run, "bench-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Optional<Path> tcpdump = settings.wireLatency() ? Optional.of(tcpdump()) : Optional.empty();
            BenchSystem system = BenchSystem.start(settings, data, console, shutdown);
            console.say(String.format(Locale.ROOT, "generating and publishing the history of %,d accounts", settings.accounts()));
            Dataset dataset = Dataset.publish(settings, system.bootstrapServers(), system.topics());
            console.say(String.format(Locale.ROOT, "published %,d records: %s", dataset.records(), dataset.perTopic()));
            Optional<Pgbench> pgbench = pgbench();
            String baselineTool = pgbench.map(p -> "pgbench").orElse("JDBC loop");
            List<RunResult> results = new ArrayList<>();
            Optional<Report.Soak> soak = Optional.empty();
            try (RssSampler rss = new RssSampler(Duration.ofSeconds(1))) {
                for (int run = 1; run <= settings.runs(); run++) {
                    BenchRun benchRun = new BenchRun(run, settings, system, dataset, console, rss, pgbench, tcpdump);
                    try {
                        results.add(benchRun.execute());
                        if (run == settings.runs() && settings.soak().isPresent()) {
                            soak = Optional.of(soak(benchRun, system, dataset, rss, settings.soak().get()));
                        }
                    } finally {
                        benchRun.finish();
                    }
                }
            }
            String report = report(machine, dataset, pgbench, new Report(settings, dataset, baselineTool)
                    .table(results, soak));
            Path file = settings.dataDir().resolve("results.md");
            Files.writeString(file, report);
            console.print(report);
            console.say("the report is also in " + file);
            return report;
        } finally {
            shutdown.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Ctrl-C: the hook is running (and found nothing left to stop)
            }
        }
    }

    /** tcpdump for --wire-latency, once a trial capture showed that it may capture here. */
    private Path tcpdump() throws IOException, InterruptedException {
        Path tcpdump = Executables.onPath("tcpdump").orElseThrow(() ->
                new LocalStackException("--wire-latency: no tcpdump on the PATH (Debian: apt-get install tcpdump)"));
        // capturing at all is the test (start() returns once tcpdump listens): nothing to read, no flush to wait for
        WireCapture.start(tcpdump, settings.ports().queryApi(), settings.dataDir().resolve("wire"), "trial").abandon();
        return tcpdump;
    }

    private Optional<Pgbench> pgbench() {
        return switch (settings.baseline()) {
            case JDBC -> Optional.empty();
            case PGBENCH -> Optional.of(new Pgbench(Pgbench.onPath().orElseThrow(() ->
                    new LocalStackException("--baseline pgbench: no pgbench on the PATH"))));
            case AUTO -> Pgbench.onPath().map(Pgbench::new);
        };
    }

    /** Steady load on the last run's services while their resident memory is sampled. */
    private Report.Soak soak(BenchRun run, BenchSystem system, Dataset dataset, RssSampler rss, Duration length)
            throws InterruptedException {
        console.say("soak: " + Report.length(length) + " of steady queries and events, sampling resident memory");
        rss.watch("projector", run.projector().pid());
        rss.watch("query-api", run.queryApi().pid());
        int connections = settings.lowestConnections();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread queries = new Thread(() -> {
            try {
                new HttpLoad(settings.ports().queryApi()).run(Arrivals.closedLoop(connections), length, dataset.expected().keys(),
                        HttpLoad.EndpointChoice.inTurn());
            } catch (IOException | RuntimeException e) {
                failure.set(e);
            }
        }, "soak-queries");
        queries.start();
        new Freshness(system.bootstrapServers(), system.freshnessTopics(), settings.ports().queryApi(), BenchSettings.ORG)
                .measure(settings.freshnessRate(), length, "soak");
        queries.join();
        if (failure.get() != null) {
            throw new LocalStackException("the soak's query load failed: " + failure.get().getMessage(), failure.get());
        }
        Map<String, RssSampler.Trend> trends = new LinkedHashMap<>();
        rss.trend("projector").ifPresent(trend -> trends.put("projector", trend));
        rss.trend("query-api").ifPresent(trend -> trends.put("query-api", trend));
        return new Report.Soak(length, trends);
    }

    private String report(MachineInfo machine, Dataset dataset, Optional<Pgbench> pgbench, ResultTable table) {
        HistorySummary history = new HistorySummary(dataset);
        return String.format(Locale.ROOT, """

                AccountView benchmark, %s
                machine: %s, at the end %s
                command: %s
                history: %s; %d partitions per topic, seed %d
                runs: %d, each projecting the whole history with AccountView and with the plain loop, then querying AccountView's \
                read model next to %s running the same SQL; medians (lowest–highest run)

                %s""", machine.date(), machine.describe(), MachineInfo.currentLoadAverage(), command, history.describe(settings), settings.partitions(),
                settings.seed(), settings.runs(), pgbench.map(p -> "pgbench (" + p.executable() + ")").orElse("a JDBC loop"),
                table.render());
    }

    /** The history in a sentence. */
    private record HistorySummary(Dataset dataset) {
        String describe(BenchSettings settings) {
            var summary = dataset.summary();
            return String.format(Locale.ROOT, "%,d records (%s) for %,d accounts and %,d contracts, with %,d duplicates, "
                            + "%,d out of order, %,d tombstones", dataset.records(), dataset.perTopic().entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "%,d on %s", e.getValue(), e.getKey()))
                            .reduce((a, b) -> a + ", " + b).orElse(""),
                    summary.accounts(), summary.contracts(), summary.duplicates(), summary.outOfOrder(), summary.tombstones());
        }
    }
}
