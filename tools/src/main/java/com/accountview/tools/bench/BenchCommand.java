package com.accountview.tools.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.accountview.tools.cli.DurationConverter;
import com.accountview.tools.cli.ProjectDirectory;
import com.accountview.tools.stack.CompilerThreads;
import com.accountview.tools.stack.Console;
import com.accountview.tools.stack.DataDirectory;
import com.accountview.tools.stack.LocalStackException;
import com.accountview.tools.stack.StackPorts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench}: the performance benchmark of docs/performance.md. */
@Command(name = "bench", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
                "Measures AccountView against plain baselines on this machine and prints one table.",
                "",
                "Starts PostgreSQL, a Kafka broker, the projector, the query-api and a plain single-threaded projection "
                        + "loop, each a process of its own on 127.0.0.1, publishes a generated history once, and in every "
                        + "run: projects it with AccountView and with the loop (each verified row by row against the "
                        + "generator's reference), loads the query-api's three endpoints at each concurrency next to "
                        + "pgbench (or a JDBC loop) running the same SQL, rebuilds AccountView's read model through the "
                        + "projector's admin endpoint while the queries go on (verified like the projection), and times "
                        + "publish-to-visible freshness. Prints "
                        + "medians over the runs with the machine and the date; docs/performance.md explains every number.",
                "Defaults (3 runs) take about 15 minutes on 2 cores; --quick is a smoke test of a few minutes.",
                ""})
public final class BenchCommand implements Callable<Integer> {

    /** Freshness publishes one event every 10⁹/rate nanoseconds: above this the gap is 0 and it never ends. */
    private static final int HIGHEST_FRESHNESS_RATE = 1_000_000_000;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "N", description = "Runs; the table shows medians (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--accounts", defaultValue = "250000", paramLabel = "N",
            description = "Accounts of the generated history; about 4.5 records per account with the default contracts "
                    + "(default: ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--contracts-per-account", defaultValue = "1", paramLabel = "K",
            description = "Mean contracts per account (default: ${DEFAULT-VALUE}).")
    int contractsPerAccount;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "The generator's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--partitions", defaultValue = "3", paramLabel = "N", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--connections", defaultValue = "16,64", split = ",", paramLabel = "N",
            description = "Concurrencies of the query measurements (default: ${DEFAULT-VALUE}).")
    List<Integer> connections;

    @Option(names = "--open-loop-rates", split = ",", paramLabel = "RATE",
            description = "Also load each endpoint at these steady rates in requests/s (an open loop of Poisson arrivals, as pgbench --rate,"
                    + " next to it) on the highest of --connections, and report the latencies counted from when each"
                    + " request was due: what a client at that rate sees, where the closed loop shows the saturated"
                    + " service (default: none).")
    List<Integer> openLoopRates;

    @Option(names = "--rebuild-connections", defaultValue = "2", paramLabel = "N",
            description = "HTTP connections querying throughout the rebuild, to show it costs no query an error; a light"
                    + " load, so that the rebuild's rate is the projector's and not what the query load leaves of two"
                    + " cores; 0 for none (default: ${DEFAULT-VALUE}).")
    int rebuildConnections;

    @Option(names = "--query-window", defaultValue = "5s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Length of each measured query window (default: ${DEFAULT-VALUE}).")
    Duration queryWindow;

    @Option(names = "--startup-window", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The window measured right after the query-api first answers (default: ${DEFAULT-VALUE}).")
    Duration startupWindow;

    @Option(names = "--warmup", defaultValue = "5s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "More load after that window, before the measured ones (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--freshness-window", defaultValue = "20s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the freshness measurement publishes (default: ${DEFAULT-VALUE}).")
    Duration freshnessWindow;

    @Option(names = "--freshness-rate", defaultValue = "1000", paramLabel = "EVENTS_PER_SECOND",
            description = "Events per second during the freshness measurement (default: ${DEFAULT-VALUE}).")
    int freshnessRate;

    @Option(names = "--soak", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "After the runs, steady load for this long (e.g. 10m) while resident memory is sampled.")
    Duration soak;

    @Option(names = "--quick", description = "A smoke test of a minute or two: 5,000 accounts, 1 run, short windows "
            + "(options given explicitly still count).")
    boolean quick;

    @Option(names = "--baseline", defaultValue = "AUTO", paramLabel = "AUTO|PGBENCH|JDBC",
            description = "What runs the query-api's SQL directly: pgbench if on the PATH, else a JDBC loop (default: ${DEFAULT-VALUE}).")
    BenchSettings.Baseline baseline;

    @Option(names = "--wire-latency", description = "Also time each query window's exchanges on the wire at the query-api's"
            + " port with tcpdump (on the PATH; needs root or CAP_NET_RAW): from a request's first packet to its answer's"
            + " last, the whole server without the load generator's own delays.")
    boolean wireLatency;

    @Option(names = "--service-jvm-options", defaultValue = "-Xmx512m", split = " ", paramLabel = "OPTIONS",
            description = "JVM options of the projector, the query-api and the loop, as ./accountview run (default: ${DEFAULT-VALUE};"
                    + " below 4 processors -XX:CICompilerCount=3 is added unless they give a count; the projector's and the"
                    + " loop's get -XX:GCTimeRatio=49 unless they give a ratio or another collector; on Java 25+ the services"
                    + " start from AOT caches made before the first run unless they give -XX:AOTMode or -XX:AOTCache).")
    List<String> serviceJvmOptions;

    @Option(names = "--timeout", defaultValue = "15m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Longest wait for any start-up or projection (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--data-dir", defaultValue = ProjectDirectory.DEFAULT + "/target/bench", paramLabel = "DIR",
            description = "The benchmark's own directory, emptied at every start (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "18080", description = "query-api port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--query-api-management-port", paramLabel = "PORT", defaultValue = "18082",
            description = "query-api Actuator port (default: ${DEFAULT-VALUE}).")
    int queryApiManagementPort;

    @Option(names = "--projector-port", paramLabel = "PORT", defaultValue = "18081", description = "projector port (default: ${DEFAULT-VALUE}).")
    int projectorPort;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "19092", description = "Kafka port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--kafka-controller-port", paramLabel = "PORT", defaultValue = "19093",
            description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
    int kafkaControllerPort;

    @Option(names = "--postgres-port", paramLabel = "PORT", defaultValue = "15432", description = "PostgreSQL port (default: ${DEFAULT-VALUE}).")
    int postgresPort;

    @Option(names = "--project-dir", defaultValue = ProjectDirectory.DEFAULT, paramLabel = "DIR",
            description = "The repository root, where the jars are built (default: ${DEFAULT-VALUE}).")
    Path projectDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        refuseImpossibleValues();
        Console console = new Console(spec.commandLine().getOut());
        BenchSettings settings = settings();
        try {
            // not closed: the lock lasts as long as this process, after the shutdown stopped everything
            DataDirectory data = DataDirectory.claim(settings.dataDir(), "./accountview bench");
            String command = "./accountview bench " + String.join(" ", arguments());
            new Benchmark(settings, console, command.strip()).run(data);
            return 0;
        } catch (LocalStackException e) {
            console.say("error: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Before anything starts, as {@code run} does: found later, a bad value cost minutes of start-up, a message
     * that named no option, or a measurement that never ended.
     */
    private void refuseImpossibleValues() {
        ports().outOfRange().ifPresent(port -> {
            throw invalid(port.getKey(), port.getValue() + " is no port (1 to 65535)");
        });
        atLeast("--runs", runs, 1);
        atLeast("--accounts", accounts, 1);
        atLeast("--contracts-per-account", contractsPerAccount, 0);
        atLeast("--partitions", partitions, 1);
        for (int clients : connections) {
            atLeast("--connections", clients, 1);
        }
        if (openLoopRates != null) {
            for (int rate : openLoopRates) {
                atLeast("--open-loop-rates", rate, 1);
            }
        }
        atLeast("--rebuild-connections", rebuildConnections, 0);
        atLeast("--freshness-rate", freshnessRate, 1);
        if (freshnessRate > HIGHEST_FRESHNESS_RATE) {
            throw invalid("--freshness-rate", freshnessRate + " is above " + HIGHEST_FRESHNESS_RATE
                    + ", one event a nanosecond");
        }
        positive("--query-window", queryWindow);
        positive("--startup-window", startupWindow);
        if (warmup.isNegative()) {
            throw invalid("--warmup", DurationConverter.write(warmup) + " is negative");
        }
        positive("--freshness-window", freshnessWindow);
        if (soak != null) {
            positive("--soak", soak);
        }
        positive("--timeout", timeout);
    }

    private void atLeast(String option, int value, int least) {
        if (value < least) {
            throw invalid(option, value + " is below " + least);
        }
    }

    private void positive(String option, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw invalid(option, DurationConverter.write(duration) + " is no length of time (above 0)");
        }
    }

    private ParameterException invalid(String option, String why) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + why);
    }

    private StackPorts ports() {
        return new StackPorts(httpPort, queryApiManagementPort, projectorPort, kafkaPort, kafkaControllerPort,
                postgresPort);
    }

    /** This command's arguments as given, for the report. */
    private List<String> arguments() {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        int name = all.indexOf(spec.name());
        return name < 0 ? all : all.subList(name + 1, all.size());
    }

    /** The settings, with --quick's smaller defaults for every option not given explicitly. */
    BenchSettings settings() {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (quick) {
            runs = given.hasMatchedOption("--runs") ? runs : 1;
            accounts = given.hasMatchedOption("--accounts") ? accounts : 5_000;
            queryWindow = given.hasMatchedOption("--query-window") ? queryWindow : Duration.ofSeconds(3);
            startupWindow = given.hasMatchedOption("--startup-window") ? startupWindow : Duration.ofSeconds(5);
            warmup = given.hasMatchedOption("--warmup") ? warmup : Duration.ofSeconds(2);
            freshnessWindow = given.hasMatchedOption("--freshness-window") ? freshnessWindow : Duration.ofSeconds(5);
        }
        return new BenchSettings(projectDir, dataDir, ports(), runs, accounts, contractsPerAccount, seed, partitions,
                connections, openLoopRates == null ? List.of() : openLoopRates, rebuildConnections, queryWindow,
                startupWindow, warmup, freshnessWindow, freshnessRate, Optional.ofNullable(soak),
                baseline, wireLatency, CompilerThreads.forThisMachine(serviceJvmOptions), timeout);
    }
}
