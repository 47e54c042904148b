package com.accountview.tools.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.accountview.tools.rebuild.ProjectorAdmin;
import com.accountview.tools.rebuild.RebuildFailedException;
import com.accountview.tools.rebuild.RebuildProgressLine;
import com.accountview.tools.stack.LocalStackException;
import com.accountview.tools.stack.ProjectionWatch;

/**
 * Times a rebuild of a run's read model while the query-api keeps answering from it: the HTTP load
 * (the three endpoints in turn) starts, the rebuild is started through the projector's admin
 * endpoint as {@code ./accountview rebuild} starts it, its status is asked for every
 * {@value #POLL_MILLIS} ms until the new generation is live, and then the load stops. The time runs
 * from just before the request to the first status that shows the new generation live; the records
 * replayed are the new generation's stored offsets once it is live. Not thread-safe.
 */
final class RebuildMeasure {

    static final int POLL_MILLIS = 100;
    static final LoadWindow NO_QUERIES = new LoadWindow("no load", Duration.ZERO, 0, 0, Map.of(),
            new Latencies(Double.NaN, Double.NaN, Double.NaN, 0));
    private static final Duration PROGRESS_LINE_EVERY = Duration.ofSeconds(5);

    /**
     * One rebuild.
     *
     * @param generation the generation it built
     * @param records records the new generation replayed
     * @param took from the request to the switch, as seen by polling the status
     * @param queries the query load during it: every answer other than 200 or 404 and every failed
     *                connection is an error
     */
    record Result(int generation, long records, Duration took, LoadWindow queries) {

        double eventsPerSecond() {
            return took.isZero() ? Double.NaN : records / (took.toNanos() / 1e9);
        }

        long queryErrors() {
            return queries.errors();
        }
    }

    private final ProjectorAdmin admin;
    private final HttpLoad load;
    private final Duration timeout;

    RebuildMeasure(ProjectorAdmin admin, HttpLoad load, Duration timeout) {
        this.admin = admin;
        this.load = load;
        this.timeout = timeout;
    }

    /**
     * Rebuilds with {@code connections} clients querying {@code keys} throughout; none when 0.
     *
     * @param watch the read model's progress, read once the new generation is live; closed here
     * @param progress gets a line about the rebuild's progress every few seconds
     */
    Result measure(int connections, KeyRange keys, ProjectionWatch watch, String reason, Consumer<String> progress)
            throws Exception {
        AtomicBoolean switched = new AtomicBoolean();
        CompletableFuture<LoadWindow> queries = connections == 0 ? CompletableFuture.completedFuture(NO_QUERIES)
                : CompletableFuture.supplyAsync(() -> {
                    try {
                        return load.run(Arrivals.closedLoop(connections), timeout, switched::get, keys, HttpLoad.EndpointChoice.inTurn());
                    } catch (IOException e) {
                        throw new LocalStackException("the HTTP load during the rebuild failed: " + e.getMessage(), e);
                    }
                }, task -> new Thread(task, "rebuild-queries").start());
        try (watch) {
            long start = System.nanoTime();
            int generation;
            try {
                generation = admin.start(reason).rebuild().path("generation").asInt();
                Instant[] lastLine = {Instant.now()};
                admin.awaitLive(generation, Duration.ofMillis(POLL_MILLIS), Instant.now().plus(timeout), rebuild -> {
                    if (Instant.now().isAfter(lastLine[0].plus(PROGRESS_LINE_EVERY))) {
                        progress.accept(RebuildProgressLine.of(rebuild));
                        lastLine[0] = Instant.now();
                    }
                }, why -> progress.accept("no progress from the projector right now (" + why + ")"))
                        .orElseThrow(() -> new LocalStackException("the rebuild did not go live in " + timeout
                                + " (see --timeout)"));
            } catch (RebuildFailedException e) {
                throw new LocalStackException("the rebuild failed: " + e.getMessage(), e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            switched.set(true);
            return new Result(generation, watch.progress().projected(), took, queries(queries));
        } finally {
            switched.set(true);
        }
    }

    private static LoadWindow queries(CompletableFuture<LoadWindow> queries) throws InterruptedException {
        try {
            return queries.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof LocalStackException failure ? failure
                    : new LocalStackException("the HTTP load during the rebuild failed: " + e.getCause().getMessage(), e);
        }
    }
}
