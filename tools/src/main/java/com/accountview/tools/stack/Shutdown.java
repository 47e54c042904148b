package com.accountview.tools.stack;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Stops what was started, in reverse order, exactly once: from a JVM shutdown hook (Ctrl-C,
 * SIGTERM) or when the run fails. Thread-safe.
 */
public final class Shutdown {

    /** Something started that must be stopped. */
    @FunctionalInterface
    public interface Stoppable {
        void stop() throws Exception;
    }

    private record Entry(String name, Stoppable stoppable) {
    }

    private final Deque<Entry> started = new ArrayDeque<>();
    private final Console console;
    private boolean done;

    public Shutdown(Console console) {
        this.console = console;
    }

    /**
     * Registers {@code stoppable} under {@code name}, which is announced when it stops ({@code null}:
     * silently); if the shutdown already ran, stops it at once.
     */
    public void onShutdown(String name, Stoppable stoppable) {
        boolean late;
        synchronized (this) {
            late = done;
            if (!late) {
                started.push(new Entry(name, stoppable));
            }
        }
        if (late) {
            stop(new Entry(name, stoppable));
        }
    }

    public void run() {
        while (true) {
            Entry next;
            synchronized (this) {
                done = true;
                next = started.poll();
            }
            if (next == null) {
                return;
            }
            stop(next);
        }
    }

    private void stop(Entry entry) {
        String name = entry.name() == null ? "" : entry.name();
        if (!name.isEmpty()) {
            console.say("stopping " + name);
        }
        try {
            entry.stoppable().stop();
        } catch (Exception e) {
            console.say("could not stop " + name + " cleanly: " + e.getMessage());
        }
    }
}
