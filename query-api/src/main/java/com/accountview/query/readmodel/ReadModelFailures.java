package com.accountview.query.readmodel;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import com.accountview.query.errors.ApiException;
import com.accountview.query.errors.ErrorCode;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Classifies a failed read by the PostgreSQL SQLSTATE behind it: a cancelled statement is a
 * timeout (504), an unreachable database, an exhausted pool or a missing schema is unavailability
 * (503); anything else is not ours to classify and stays unexpected (500).
 */
final class ReadModelFailures {

    private static final String QUERY_CANCELED = "57014";
    private static final String CONNECTION_EXCEPTION = "08";
    /** Server shutting down, starting up, out of connections. */
    private static final Set<String> SERVER_UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");
    /** A session the server ended, or a connection that broke or was closed: see {@link #isSessionEnded}. */
    private static final Set<String> SESSION_ENDED = Set.of("57P01", "57P02", "08006", "08003");
    /** The schema or its views do not exist: the projector has not migrated this database yet. */
    private static final Set<String> NO_READ_MODEL = Set.of("42P01", "3F000");

    private ReadModelFailures() {
    }

    /**
     * The API's answer to {@code failure}: an {@code ApiException} (503, 504), or for anything else
     * an unchecked exception that carries it, answered 500 and logged with its stack trace.
     */
    static RuntimeException translate(SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        if (failure instanceof SQLTransientConnectionException || state.startsWith(CONNECTION_EXCEPTION)
                || SERVER_UNAVAILABLE.contains(state)) {
            return unavailable(failure);
        }
        if (QUERY_CANCELED.equals(state)) {
            return new ApiException(ErrorCode.REPOSITORY_TIMEOUT,
                    "The read model did not answer within the configured timeout.", failure);
        }
        if (NO_READ_MODEL.contains(state)) {
            return noReadModel();
        }
        return new UncategorizedSQLException("Reading the live read model", null, failure);
    }

    /**
     * Whether {@code failure} says the database could not be reached: SQLSTATE class {@code 08},
     * which the pool also gives its timeout when its attempts to connect failed (not when it was
     * merely exhausted).
     */
    static boolean isUnreachable(SQLException failure) {
        return failure.getSQLState() != null && failure.getSQLState().startsWith(CONNECTION_EXCEPTION);
    }

    /**
     * Whether {@code failure}, raised by a statement on a connection the pool handed out, says that
     * the server had ended that connection's session: terminated ({@code 57P01}: a restart or
     * {@code pg_terminate_backend}; {@code 57P02}: a crash) or gone ({@code 08006}: the connection
     * broke; {@code 08003}: it was closed). Not a failure to connect ({@code 08001}, {@code 57P03}),
     * which says the database is unreachable now, nor a server that fell silent (the driver's socket
     * timeout, also {@code 08006}): another connection to it would wait as long again.
     */
    static boolean isSessionEnded(SQLException failure) {
        return failure.getSQLState() != null && SESSION_ENDED.contains(failure.getSQLState())
                && !isSilence(failure);
    }

    private static boolean isSilence(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** 503: the database is unreachable or busy; {@code cause} may be null. */
    static ApiException unavailable(Throwable cause) {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                "The read model's database is unreachable or busy; retry later.", cause);
    }

    static ApiException noReadModel() {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "No read model has been built yet; retry later.");
    }
}
