package com.accountview.tools.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import com.accountview.tools.stack.LocalPostgres;
import com.accountview.tools.stack.LocalStackException;
import org.HdrHistogram.Histogram;

/**
 * The baseline when pgbench is not on the PATH: one thread per client, each with its own connection
 * and prepared statement, running the lookup back to back for the window (closed loop) or when the
 * {@link Arrivals} schedule it (open loop: the latency counts from when it was due), reading every row.
 * Costs more client CPU than pgbench, in this JVM. A client that fails fails the window. Thread-safe.
 */
final class JdbcLoad {

    LoadWindow run(LookupSql sql, KeyRange keys, Arrivals arrivals, Duration duration, String jdbcUrl)
            throws InterruptedException {
        int clients = arrivals.clients();
        long deadline = System.nanoTime() + duration.toNanos();
        Map<String, String> fixed = sql.fixedArguments(Instant.now());
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicReference<SQLException> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Histogram histogram = Latencies.microsecondsHistogram();
            histograms.add(histogram);
            SplittableRandom random = new SplittableRandom(i);
            Thread thread = new Thread(() -> loop(sql, fixed, keys, arrivals, jdbcUrl, deadline, random, histogram, errors,
                    firstError), "jdbc-load-" + i);
            threads.add(thread);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (errors.get() > 0) {
            // a client that failed stopped measuring: the window's rate would be a smaller load's, unsaid
            throw new LocalStackException(String.format(Locale.ROOT, "the JDBC loop's baseline failed on %d of its %d"
                    + " connections, the first with: %s", errors.get(), clients, firstError.get().getMessage()),
                    firstError.get());
        }
        Histogram all = Latencies.microsecondsHistogram();
        histograms.forEach(all::add);
        return new LoadWindow("JDBC loop", elapsed, all.getTotalCount(), 0, Map.of(), Latencies.of(all));
    }

    private static void loop(LookupSql sql, Map<String, String> fixed, KeyRange keys, Arrivals arrivals, String jdbcUrl,
                             long deadline,
                             SplittableRandom random, Histogram histogram, AtomicLong errors,
                             AtomicReference<SQLException> firstError) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, LocalPostgres.PASSWORD);
             PreparedStatement statement = connection.prepareStatement(sql.jdbc())) {
            List<String> parameters = sql.parameters();
            long due = arrivals.open() ? arrivals.nextDue(System.nanoTime(), random) : System.nanoTime();
            while (due < deadline) {
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                long start = arrivals.open() ? due : System.nanoTime();
                bind(statement, parameters, fixed, keys.orgId(), keys.draw(random));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getObject(1);
                    }
                }
                long end = System.nanoTime();
                histogram.recordValue(Math.max(1, (end - start) / 1000));
                due = arrivals.open() ? arrivals.nextDue(due, random) : end;
            }
        } catch (SQLException e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, e);
        }
    }

    /** The fixed values go untyped, as pgbench sends its variables: PostgreSQL infers their types. */
    private static void bind(PreparedStatement statement, List<String> parameters, Map<String, String> fixed,
                             String orgId, String externalId) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            switch (parameters.get(i)) {
                case LookupSql.ORG_ID -> statement.setString(i + 1, orgId);
                case LookupSql.EXTERNAL_ID -> statement.setString(i + 1, externalId);
                default -> statement.setObject(i + 1, fixed.get(parameters.get(i)), Types.OTHER);
            }
        }
    }
}
