package com.accountview.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.accountview.tools.stack.LocalPostgres;
import org.HdrHistogram.Histogram;

/**
 * PostgreSQL's own benchmark client running a lookup statement against the read model: prepared
 * statements ({@code -M prepared}, as the query-api's driver ends up doing), {@code clients}
 * connections each with one transaction in flight, the external id drawn uniformly from the key range
 * by pgbench itself, every transaction's latency logged ({@code -l}) for the percentiles. Stateless
 * and thread-safe.
 */
final class Pgbench {

    private static final Pattern TPS = Pattern.compile("^tps = ([0-9.]+) \\(without initial connection time\\)", Pattern.MULTILINE);
    private static final Pattern PROCESSED = Pattern.compile("^number of transactions actually processed: ([0-9]+)", Pattern.MULTILINE);
    private static final Pattern CONNECTION_TIME = Pattern.compile("^initial connection time = ([0-9.]+) ms", Pattern.MULTILINE);
    private static final Pattern FAILED = Pattern.compile("^number of failed transactions: ([0-9]+)", Pattern.MULTILINE);

    /** How much longer an open loop runs, for {@link #afterSettling}. */
    static final Duration SETTLING = Duration.ofSeconds(3);
    /** What an open loop leaves out after pgbench has connected, while it catches up with its schedule. */
    static final Duration CATCHING_UP = Duration.ofSeconds(1);

    private final Path executable;

    Pgbench(Path executable) {
        this.executable = executable;
    }

    /** {@code pgbench} on the PATH, if there is one. */
    static Optional<Path> onPath() {
        return Executables.onPath("pgbench");
    }

    Path executable() {
        return executable;
    }

    /**
     * The script: draw an external id, run the statement. pgbench turns {@code :externalId} and the
     * variables of {@link #definitions} into parameters.
     */
    static String script(LookupSql sql, KeyRange keys) {
        return "\\set externalId random(" + keys.first() + ", " + keys.last() + ")\n" + sql.sql().strip() + ";\n";
    }

    /** pgbench's {@code --define} of the organization and of each fixed argument of {@code sql}. */
    static List<String> definitions(LookupSql sql, KeyRange keys, Instant now) {
        List<String> definitions = new ArrayList<>(List.of("--define=" + LookupSql.ORG_ID + "=" + keys.orgId()));
        sql.fixedArguments(now).forEach((name, value) -> definitions.add("--define=" + name + "=" + value));
        return definitions;
    }

    /**
     * Runs the statement on {@code arrivals.clients()} connections for {@code duration}; in an open loop
     * with {@code --rate}, whose logged latencies count from each transaction's scheduled start.
     */
    LoadWindow run(LookupSql sql, KeyRange keys, Arrivals arrivals, Duration duration, int port, String database,
                   Path workDir) throws IOException, InterruptedException {
        int clients = arrivals.clients();
        // absolute: pgbench runs in that directory
        Path directory = Files.createTempDirectory(Files.createDirectories(workDir), "pgbench-" + clients + "-").toAbsolutePath();
        Path script = Files.writeString(directory.resolve("lookup.sql"), script(sql, keys));
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--no-vacuum", "--protocol=prepared",
                "--client=" + clients, "--jobs=" + Math.min(clients, Runtime.getRuntime().availableProcessors()),
                "--time=" + Math.max(1, duration.plus(arrivals.open() ? SETTLING : Duration.ZERO).toSeconds()),
                "--file=" + script));
        command.addAll(definitions(sql, keys, Instant.now()));
        command.addAll(List.of("--log", "--log-prefix=" + directory.resolve("tx"),
                "--host=127.0.0.1", "--port=" + port, "--username=" + LocalPostgres.USER));
        if (arrivals.open()) {
            command.add(String.format(Locale.ROOT, "--rate=%.1f", arrivals.perSecond()));
        }
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("output.txt").toFile()).directory(directory.toFile());
        builder.environment().put("PGPASSWORD", LocalPostgres.PASSWORD);
        Process process = builder.start();
        if (!process.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("pgbench did not finish: see " + directory.resolve("output.txt"));
        }
        String output = Files.readString(directory.resolve("output.txt"));
        if (process.exitValue() != 0) {
            throw new IOException("pgbench failed (exit " + process.exitValue() + "):\n" + output);
        }
        List<Transaction> logged = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path log : files.filter(file -> file.getFileName().toString().startsWith("tx.")).toList()) {
                try (Stream<String> lines = Files.lines(log)) {
                    lines.map(Transaction::parse).flatMap(Optional::stream).forEach(logged::add);
                }
            }
        }
        long processed = processed(output, clients, duration);
        requireNoFailures(output);
        double tps = tps(output).orElseThrow(() -> new IOException("no tps in pgbench's output:\n" + output));
        List<Transaction> measured = arrivals.open() ? afterSettling(logged, output) : logged;
        // pgbench's own rate excludes connection set-up; the window is the time that rate implies, or in an
        // open loop the time from the first measured transaction's schedule to the last one's end
        Duration elapsed = arrivals.open() ? span(measured) : Duration.ofNanos(Math.round(processed / tps * 1e9));
        Histogram latencies = Latencies.microsecondsHistogram();
        measured.forEach(transaction -> latencies.recordValue(Math.max(1, transaction.latencyMicros())));
        deleteTransactionLogs(directory);
        return new LoadWindow("pgbench", elapsed, arrivals.open() ? measured.size() : processed, 0, Map.of(),
                Latencies.of(latencies));
    }

    /**
     * The transactions pgbench finished; none is an error that names its likely cause, as pgbench then
     * prints no rate to measure by.
     */
    static long processed(String output, int clients, Duration window) throws IOException {
        long processed = Long.parseLong(find(PROCESSED, output).orElseThrow(() ->
                new IOException("no transaction count in pgbench's output:\n" + output)));
        if (processed == 0) {
            throw new IOException(String.format(Locale.ROOT, "it finished no transaction in its %d-s window on %d"
                    + " connections (opening them took the window, or the machine is too busy); a longer"
                    + " --query-window gives it time. Its output:%n%s", window.toSeconds(), clients, output));
        }
        return processed;
    }

    /**
     * A lookup fails only when the database refused it, and a baseline with failures would be the
     * rate of something else: any is an error.
     */
    static void requireNoFailures(String output) throws IOException {
        long failed = find(FAILED, output).map(Long::parseLong).orElse(0L);
        if (failed > 0) {
            throw new IOException(String.format(Locale.ROOT, "%d of its transactions failed. Its output:%n%s", failed,
                    output));
        }
    }

    static OptionalDouble tps(String output) {
        Matcher matcher = TPS.matcher(output);
        return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
    }

    /**
     * The transactions of an open loop that pgbench scheduled once it was connected and back on its
     * schedule. With {@code --rate} its schedule starts before it connects (the better part of a second
     * for 64 connections on two cores), and each of its threads then works off the transactions that
     * fell due meanwhile; measured, they would be pgbench's start counted as the database's latency. So
     * an open loop runs {@link #SETTLING} longer, and what was scheduled before the connections were
     * open and {@link #CATCHING_UP} more is left out. The schedule's start is taken as the earliest
     * scheduled time logged.
     */
    static List<Transaction> afterSettling(List<Transaction> logged, String output) {
        double connectingMillis = find(CONNECTION_TIME, output).map(Double::parseDouble).orElse(0.0);
        long start = logged.stream().mapToLong(Transaction::scheduledMicros).min().orElse(0);
        long settled = start + Math.round(connectingMillis * 1000) + CATCHING_UP.toNanos() / 1000;
        return logged.stream().filter(transaction -> transaction.scheduledMicros() >= settled).toList();
    }

    private static Duration span(List<Transaction> transactions) {
        long first = transactions.stream().mapToLong(Transaction::scheduledMicros).min().orElse(0);
        long last = transactions.stream().mapToLong(Transaction::endedMicros).max().orElse(0);
        return Duration.ofNanos((last - first) * 1000);
    }

    /**
     * A transaction of pgbench's log.
     *
     * @param latencyMicros from its start, or with {@code --rate} from when it was scheduled, to its end
     * @param endedMicros when it ended, in microseconds since the epoch
     */
    record Transaction(long latencyMicros, long endedMicros) {

        long scheduledMicros() {
            return endedMicros - latencyMicros;
        }

        /**
         * A line of the log, {@code client_id transaction_no time script_no time_epoch time_us [schedule_lag]}
         * with time in µs; empty for a failed transaction, which has no latency.
         */
        static Optional<Transaction> parse(String line) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 6 || !digits(fields[2]) || !digits(fields[4]) || !digits(fields[5])) {
                return Optional.empty();
            }
            return Optional.of(new Transaction(Long.parseLong(fields[2]),
                    Long.parseLong(fields[4]) * 1_000_000 + Long.parseLong(fields[5])));
        }

        private static boolean digits(String field) {
            return !field.isEmpty() && field.chars().allMatch(Character::isDigit);
        }
    }

    private static Optional<String> find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Keeps the script and pgbench's output, for a look afterwards. */
    private static void deleteTransactionLogs(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path log : files.filter(file -> file.getFileName().toString().startsWith("tx.")).toList()) {
                Files.delete(log);
            }
        }
    }
}
