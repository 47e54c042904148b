package com.accountview.tools.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr for long runs: redrawn in place on a terminal, one line every few
 * seconds otherwise (CI logs). Silent for runs below {@code threshold} units. The rate counts only
 * what was done after the bar was made, so work done before it (records projected before the launcher
 * looked) does not inflate it. Not thread-safe.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String unit;
    private final long total;
    private final boolean terminal;
    private final boolean enabled;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final long from;
    private final long fromNanos;
    private long lastDrawNanos;
    private long current;
    private long drawn = -1;

    /** A bar for work that starts now, from nothing done. */
    public ProgressBar(String unit, long total, long threshold) {
        this(unit, 0, total, threshold);
    }

    /** A bar for work of which {@code done} units are done already. */
    public ProgressBar(String unit, long done, long total, long threshold) {
        this(System.err, unit, done, total, threshold, System.console() != null, System::nanoTime);
    }

    ProgressBar(PrintStream out, String unit, long done, long total, long threshold, boolean terminal,
                LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.from = done;
        this.current = done;
        this.fromNanos = nanoTime.getAsLong();
        this.unit = unit;
        this.total = total;
        this.terminal = terminal;
        this.enabled = total >= threshold;
        this.intervalNanos = (terminal ? Duration.ofMillis(200) : Duration.ofSeconds(5)).toNanos();
        this.lastDrawNanos = fromNanos - intervalNanos; // the first value is drawn at once
    }

    public void advanceTo(long done) {
        current = done;
        long now = nanoTime.getAsLong();
        if (enabled && now - lastDrawNanos >= intervalNanos) {
            lastDrawNanos = now;
            draw(now, terminal ? "\r" : "", terminal ? "" : System.lineSeparator());
        }
    }

    public void step() {
        advanceTo(current + 1);
    }

    /** Draws the final state and ends the line. */
    public void finish() {
        // on a terminal the line must be ended; in a log, a line showing the final state may exist already
        if (enabled && (terminal || drawn != current)) {
            draw(nanoTime.getAsLong(), terminal ? "\r" : "", System.lineSeparator());
        }
    }

    private void draw(long now, String prefix, String suffix) {
        drawn = current;
        double fraction = total == 0 ? 1 : Math.min(1, (double) current / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = (now - fromNanos) / 1e9;
        // unknown until something was done in measurable time since the bar was made
        double rate = current > from && seconds > 0 ? (current - from) / seconds : Double.NaN;
        String eta = current >= total ? "0s" : Double.isNaN(rate) ? "?"
                : Duration.ofSeconds(Math.round((total - current) / rate)).toString().substring(2).toLowerCase();
        out.print(prefix + "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format("%3d%% %,d/%,d %s %s/s eta %s", Math.round(fraction * 100), current, total, unit,
                Double.isNaN(rate) ? "?" : String.format("%,d", Math.round(rate)), eta)
                + suffix);
        out.flush();
    }
}
