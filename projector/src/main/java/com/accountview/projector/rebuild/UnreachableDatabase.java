package com.accountview.projector.rebuild;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import org.jdbi.v3.core.ConnectionException;

/**
 * Tells a failure to reach the database (no connection within the pool's wait, a broken or refused
 * connection, a server shutting down, starting or out of connections) from every other failure:
 * the first is worth asking again shortly, answered 503; the others are not.
 */
final class UnreachableDatabase {

    private UnreachableDatabase() {
    }

    /** The failure's part that says the database was unreachable; empty if it is another failure. */
    static Optional<Throwable> causeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectionException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return Optional.of(rootOf(cause));
            }
        }
        return Optional.empty();
    }

    /** SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown, crash, cannot connect now), 53300. */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300"));
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
