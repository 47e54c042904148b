package com.accountview.projector.rebuild;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

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

    /** Besides class 08 (connection exception): 57P01–57P03 (shutdown, crash, cannot connect now), too many connections. */
    private static final Set<String> CONNECTION_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /** SQLSTATE class 08 or one of {@link #CONNECTION_STATES}; not 57P04 (database dropped), which no wait cures. */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || CONNECTION_STATES.contains(state));
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
