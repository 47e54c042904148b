package com.accountview.tools.publish;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A progress line on stderr for long runs: redrawn in place on a terminal, one line every few
 * seconds otherwise (CI logs). Silent for runs below {@code threshold} units. Not thread-safe.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String unit;
    private final long total;
    private final boolean terminal;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private final long intervalNanos;
    private long lastDrawNanos;
    private long current;
    private long drawn = -1;

    public ProgressBar(String unit, long total, long threshold) {
        this(System.err, unit, total, threshold, System.console() != null);
    }

    ProgressBar(PrintStream out, String unit, long total, long threshold, boolean terminal) {
        this.out = out;
        this.unit = unit;
        this.total = total;
        this.terminal = terminal;
        this.enabled = total >= threshold;
        this.intervalNanos = (terminal ? Duration.ofMillis(200) : Duration.ofSeconds(5)).toNanos();
    }

    public void advanceTo(long done) {
        current = done;
        long now = System.nanoTime();
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
            draw(System.nanoTime(), terminal ? "\r" : "", System.lineSeparator());
        }
    }

    private void draw(long now, String prefix, String suffix) {
        drawn = current;
        double fraction = total == 0 ? 1 : Math.min(1, (double) current / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        long rate = Math.round(current / seconds);
        String eta = current == 0 ? "?" : Duration.ofSeconds(Math.round((total - current) / Math.max(1.0, rate))).toString()
                .substring(2).toLowerCase();
        out.print(prefix + "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format("%3d%% %,d/%,d %s %,d/s eta %s", Math.round(fraction * 100), current, total, unit, rate, eta)
                + suffix);
        out.flush();
    }
}
