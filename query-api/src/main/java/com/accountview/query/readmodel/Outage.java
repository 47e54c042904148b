package com.accountview.query.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * An outage of the database as the lookups find it, so that callers do not queue behind each
 * other's waits for a connection. It begins when a lookup finds the database unreachable (SQLSTATE
 * class {@code 08}: refused, broken, or the pool's wait ended after its attempts to connect
 * failed). Until it ends, lookups are answered 503 at once, and one background thread waits for a
 * connection from the pool in their place, again and again; the first it gets ends the outage.
 * The server has a few worker threads only (docs/api.md): without this, each would wait out the
 * connection wait in turn, and the callers queued behind them several such waits. Thread-safe.
 */
final class Outage implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Outage.class);
    /** Between two attempts that failed without waiting (a pool that is closing, say). */
    private static final long PAUSE_MILLIS = 100;

    private final DataSource pool;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "db-outage-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean ongoing;
    private ScheduledFuture<?> watch;

    Outage(DataSource pool) {
        this.pool = pool;
    }

    /** A read of the database: takes a connection from the pool and gives it back. */
    @FunctionalInterface
    interface Read<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code lookup}, or answers 503 at once during an outage.
     *
     * @throws com.accountview.query.errors.ApiException 503 during an outage; otherwise the
     *         lookup's failure as {@link ReadModelFailures#translate} answers it
     */
    <T> T read(Read<T> lookup) {
        if (ongoing) {
            throw ReadModelFailures.unavailable(null);
        }
        try {
            return lookup.run();
        } catch (SQLException failure) {
            if (ReadModelFailures.isUnreachable(failure)) {
                begin(failure);
            }
            throw ReadModelFailures.translate(failure);
        }
    }

    private synchronized void begin(SQLException failure) {
        if (!ongoing && !watcher.isShutdown()) {
            ongoing = true;
            log.warn("The database is unreachable ({}): requests are answered 503 at once until a connection "
                    + "succeeds again", failure.getMessage());
            watch = watcher.scheduleWithFixedDelay(this::tryToConnect, 0, PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void tryToConnect() {
        try (Connection connection = pool.getConnection()) {
            end();
        } catch (SQLException stillUnreachable) {
            // the pool waited for a connection as long as a request would have; the next attempt follows
        }
    }

    private synchronized void end() {
        if (ongoing) {
            ongoing = false;
            watch.cancel(false);
            log.info("The database answers again: requests go to it again");
        }
    }

    @Override
    public void destroy() {
        watcher.shutdownNow();
    }
}
