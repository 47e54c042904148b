package com.accountview.tools.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one measured window of load gave: a fixed number of clients, each with one request in
 * flight, in a closed or an open loop. Immutable.
 *
 * @param tool what produced the load (the HTTP load generator, pgbench, a JDBC loop)
 * @param elapsed the window's length
 * @param completed requests (or transactions) answered in it
 * @param errors transport failures and answers that are not an expected outcome (for HTTP: other
 *               than 200 or 404)
 * @param statuses HTTP answers by status; empty for the database baselines
 * @param latencies response times of the answered requests
 * @param lateness in the HTTP load generator's open loop, how long after they were due it sent the
 *                 requests whose connection was free by then: its own delay, part of the latencies;
 *                 {@link Latencies#NONE} otherwise
 */
record LoadWindow(String tool, Duration elapsed, long completed, long errors, Map<Integer, Long> statuses,
                  Latencies latencies, Latencies lateness) {

    LoadWindow(String tool, Duration elapsed, long completed, long errors, Map<Integer, Long> statuses, Latencies latencies) {
        this(tool, elapsed, completed, errors, statuses, latencies, Latencies.NONE);
    }

    LoadWindow {
        statuses = new TreeMap<>(statuses);
    }

    double rate() {
        return elapsed.isZero() ? Double.NaN : completed / (elapsed.toNanos() / 1e9);
    }
}
