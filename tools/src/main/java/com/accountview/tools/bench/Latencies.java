package com.accountview.tools.bench;

import org.HdrHistogram.Histogram;

/**
 * Response times of one measured window, in milliseconds: median, 99th and 99.9th percentile, from
 * a histogram of every response in the window (recorded in microseconds). Immutable.
 */
record Latencies(double p50, double p99, double p999, long count) {

    static final Latencies NONE = new Latencies(Double.NaN, Double.NaN, Double.NaN, 0);

    /** A histogram for response times in microseconds, from 1 µs to 10 minutes, 3 significant digits. */
    static Histogram microsecondsHistogram() {
        return new Histogram(1, 600_000_000L, 3);
    }

    static Latencies of(Histogram microseconds) {
        if (microseconds.getTotalCount() == 0) {
            return NONE;
        }
        return new Latencies(ms(microseconds, 50), ms(microseconds, 99), ms(microseconds, 99.9),
                microseconds.getTotalCount());
    }

    private static double ms(Histogram microseconds, double percentile) {
        return microseconds.getValueAtPercentile(percentile) / 1000.0;
    }
}
