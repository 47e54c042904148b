package com.accountview.tools.run;

import java.time.Duration;
import java.time.Instant;

/**
 * When a wait of the launcher or the benchmark gives up, and which limit set that: a wait that times
 * out names it ({@link Http#await}), so that whoever reads the message knows what to raise. Immutable.
 *
 * @param at    the instant the wait gives up
 * @param limit the limit that set it, for the message, e.g. {@code after 5m (--startup-timeout)}
 */
public record Deadline(Instant at, String limit) {

    /**
     * @param timeout from now
     * @param source  what set {@code timeout}: an option ({@code --startup-timeout}) or a fixed limit
     */
    public static Deadline after(Duration timeout, String source) {
        return new Deadline(Instant.now().plus(timeout), "after " + DurationConverter.write(timeout) + " (" + source + ")");
    }

    boolean passed() {
        return Instant.now().isAfter(at);
    }
}
