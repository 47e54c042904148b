package com.accountview.tools.bench;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * When a client's requests are due in an open loop: a Poisson stream of {@code perSecond} requests
 * over all {@code clients}, each client drawing exponential gaps with a mean of
 * {@code clients / perSecond} seconds, as {@code pgbench --rate} draws them. A request is due at its
 * time whether or not the client's previous one was answered; its latency counts from that time, so
 * a service that stalls is charged for the requests that waited (no coordinated omission).
 * Immutable; the random source is the caller's.
 *
 * @param perSecond requests per second over all clients; 0 for a closed loop (each client sends its
 *                  next request when the previous one was answered)
 * @param clients how many clients share that rate
 */
record Arrivals(double perSecond, int clients) {

    /** The closed loop: no schedule. */
    static Arrivals closedLoop(int clients) {
        return new Arrivals(0, clients);
    }

    Arrivals {
        if (perSecond < 0 || clients < 1) {
            throw new IllegalArgumentException("a rate of at least 0 and at least one client, not " + perSecond + " and " + clients);
        }
    }

    boolean open() {
        return perSecond > 0;
    }

    /** As the benchmark's table names it: {@code 64 connections}, or {@code 64 connections, open loop at 4,000 requests/s}. */
    String label() {
        return open() ? String.format(Locale.ROOT, "%d connections, open loop at %,.0f requests/s", clients, perSecond)
                : clients + " connections";
    }

    /** The time (in {@link System#nanoTime()}'s terms) the client's next request is due after one due at {@code previousDue}. */
    long nextDue(long previousDue, SplittableRandom random) {
        if (!open()) {
            throw new IllegalStateException("a closed loop has no schedule");
        }
        double meanNanos = clients * 1e9 / perSecond;
        // 1 - u lies in (0, 1]: the logarithm is finite
        return previousDue + Math.round(-Math.log(1 - random.nextDouble()) * meanNanos);
    }
}
