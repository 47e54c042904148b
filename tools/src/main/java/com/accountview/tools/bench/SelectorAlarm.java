package com.accountview.tools.bench;

import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes a selector at a given {@link System#nanoTime()}: its {@code select(timeout)} counts whole
 * milliseconds, too coarse for an open loop whose requests are due a fraction of one apart, and
 * polling in small steps costs the load generator a good part of a core. A thread of its own sleeps
 * until the earliest time set and then calls {@link Selector#wakeup()}, once per time set. Setting a
 * later time while an earlier one is pending keeps the earlier one (a wakeup too early is harmless:
 * the caller looks again). Thread-safe; {@link #close()} ends the thread.
 */
final class SelectorAlarm implements AutoCloseable {

    private static final long NONE = Long.MAX_VALUE;

    private final Selector selector;
    private final AtomicLong at = new AtomicLong(NONE);
    private final Thread thread;
    private volatile boolean closed;

    SelectorAlarm(Selector selector) {
        this.selector = selector;
        this.thread = new Thread(this::run, "http-load-alarm");
        thread.setDaemon(true);
        thread.start();
    }

    /** Wakes the selector at {@code nanoTime}, unless a wakeup no later than that is already pending. */
    void wakeAt(long nanoTime) {
        long pending = at.get();
        while (nanoTime < pending) {
            if (at.compareAndSet(pending, nanoTime)) {
                LockSupport.unpark(thread);
                return;
            }
            pending = at.get();
        }
    }

    private void run() {
        while (!closed) {
            long due = at.get();
            long wait = due == NONE ? NONE : due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait == NONE ? 100_000_000 : wait);
            } else if (at.compareAndSet(due, NONE)) {
                selector.wakeup();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
