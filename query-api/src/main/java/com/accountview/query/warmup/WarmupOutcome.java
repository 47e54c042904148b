package com.accountview.query.warmup;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the warm-up did.
 *
 * @param requests   all it sent
 * @param statuses   the answered ones by HTTP status, in the order of the statuses
 * @param timedOut   those without an answer within {@link Warmup#REQUEST_TIMEOUT}
 * @param unanswered those that could not connect or got no HTTP answer; each stopped its connection
 * @param took       from its first request to the end of its last
 */
record WarmupOutcome(long requests, Map<Integer, Long> statuses, long timedOut, long unanswered, Duration took) {

    /** Pseudo statuses the warm-up counts beside the HTTP ones while it runs. */
    static final int NO_ANSWER = 0;
    static final int TIMED_OUT = -1;

    /** From the counts by status, pseudo statuses included. */
    static WarmupOutcome of(Map<Integer, Long> counted, Duration took) {
        Map<Integer, Long> statuses = new TreeMap<>(counted);
        long timedOut = Objects.requireNonNullElse(statuses.remove(TIMED_OUT), 0L);
        long unanswered = Objects.requireNonNullElse(statuses.remove(NO_ANSWER), 0L);
        long requests = counted.values().stream().mapToLong(Long::longValue).sum();
        return new WarmupOutcome(requests, Collections.unmodifiableMap(statuses), timedOut, unanswered, took);
    }

    /** For the log: {@code 698 requests in 9070 ms, by status {404=694}, 4 without an answer within 5 s}. */
    String summary() {
        return requests + " requests in " + took.toMillis() + " ms, by status " + statuses
                + (timedOut > 0 ? ", " + timedOut + " without an answer within "
                        + Warmup.REQUEST_TIMEOUT.toSeconds() + " s" : "")
                + (unanswered > 0 ? ", " + unanswered + " without any HTTP answer (their connections stopped)" : "");
    }
}
