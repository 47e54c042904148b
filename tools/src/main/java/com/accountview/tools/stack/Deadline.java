package com.accountview.tools.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import com.accountview.tools.cli.DurationConverter;

/**
 * The launcher's and the benchmark's one way of waiting ({@link #await}), and when a wait gives up and
 * which limit set that: a wait that times out names it, so that whoever reads the message knows what to
 * raise. Immutable.
 *
 * @param at    the instant the wait gives up
 * @param limit the limit that set it, for the message, e.g. {@code after 5m (--startup-timeout)}
 */
public record Deadline(Instant at, String limit) {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    /**
     * @param timeout from now
     * @param source  what set {@code timeout}: an option ({@code --startup-timeout}) or a fixed limit
     */
    public static Deadline after(Duration timeout, String source) {
        return new Deadline(Instant.now().plus(timeout), "after " + DurationConverter.write(timeout) + " (" + source + ")");
    }

    /**
     * Polls {@code condition} until it holds; fails when this deadline passes (naming its limit) or
     * {@code stillWorthWaiting} turns false (a service died).
     */
    public void await(String what, BooleanSupplier stillWorthWaiting, BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (!stillWorthWaiting.getAsBoolean()) {
                throw new LocalStackException("gave up waiting for " + what + ": a process it waited on has ended");
            }
            if (Instant.now().isAfter(at)) {
                throw new LocalStackException("timed out waiting for " + what + " " + limit);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }
}
