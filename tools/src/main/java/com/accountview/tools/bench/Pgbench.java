package com.accountview.tools.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.accountview.tools.run.LocalPostgres;
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
    private static final Pattern FAILED = Pattern.compile("^number of failed transactions: ([0-9]+)", Pattern.MULTILINE);

    private final Path executable;

    Pgbench(Path executable) {
        this.executable = executable;
    }

    /** {@code pgbench} on the PATH, if there is one. */
    static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "pgbench");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    Path executable() {
        return executable;
    }

    /** The script: draw an external id, run the statement. pgbench turns {@code :orgId} and {@code :externalId} into parameters. */
    static String script(LookupSql sql, KeyRange keys) {
        return "\\set externalId random(" + keys.first() + ", " + keys.last() + ")\n" + sql.sql().strip() + ";\n";
    }

    LoadWindow run(LookupSql sql, KeyRange keys, int clients, Duration duration, int port, String database,
                   Path workDir) throws IOException, InterruptedException {
        // absolute: pgbench runs in that directory
        Path directory = Files.createTempDirectory(Files.createDirectories(workDir), "pgbench-" + clients + "-").toAbsolutePath();
        Path script = Files.writeString(directory.resolve("lookup.sql"), script(sql, keys));
        List<String> command = List.of(executable.toString(), "--no-vacuum", "--protocol=prepared",
                "--client=" + clients, "--jobs=" + Math.min(clients, Runtime.getRuntime().availableProcessors()),
                "--time=" + Math.max(1, duration.toSeconds()), "--file=" + script, "--define=orgId=" + keys.orgId(),
                "--log", "--log-prefix=" + directory.resolve("tx"),
                "--host=127.0.0.1", "--port=" + port, "--username=" + LocalPostgres.USER, database);
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
        Histogram latencies = Latencies.microsecondsHistogram();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path log : files.filter(file -> file.getFileName().toString().startsWith("tx.")).toList()) {
                try (Stream<String> lines = Files.lines(log)) {
                    lines.forEach(line -> recordLatency(line, latencies));
                }
            }
        }
        long processed = Long.parseLong(find(PROCESSED, output).orElseThrow(() ->
                new IOException("no transaction count in pgbench's output:\n" + output)));
        long failed = find(FAILED, output).map(Long::parseLong).orElse(0L);
        double tps = tps(output).orElseThrow(() -> new IOException("no tps in pgbench's output:\n" + output));
        // pgbench's own rate excludes connection set-up; the window is the time that rate implies
        Duration elapsed = Duration.ofNanos(Math.round(processed / tps * 1e9));
        deleteTransactionLogs(directory);
        return new LoadWindow("pgbench", elapsed, processed, failed, Map.of(), Latencies.of(latencies));
    }

    static OptionalDouble tps(String output) {
        Matcher matcher = TPS.matcher(output);
        return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
    }

    /** A line of pgbench's transaction log: {@code client_id transaction_no time script_no time_epoch time_us ...}; time in µs. */
    static void recordLatency(String line, Histogram microseconds) {
        String[] fields = line.trim().split("\\s+");
        // a failed transaction has no latency to record
        if (fields.length >= 3 && !fields[2].isEmpty() && fields[2].chars().allMatch(Character::isDigit)) {
            microseconds.recordValue(Math.max(1, Long.parseLong(fields[2])));
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
