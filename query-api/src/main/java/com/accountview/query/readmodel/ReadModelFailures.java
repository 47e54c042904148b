package com.accountview.query.readmodel;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import com.accountview.query.errors.ApiException;
import com.accountview.query.errors.ErrorCode;

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
    /** The schema or its views do not exist: the projector has not migrated this database yet. */
    private static final Set<String> NO_READ_MODEL = Set.of("42P01", "3F000");

    private ReadModelFailures() {
    }

    static RuntimeException translate(RuntimeException failure) {
        SQLException sql = firstSqlException(failure);
        if (sql == null) {
            return failure;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (sql instanceof SQLTransientConnectionException || state.startsWith(CONNECTION_EXCEPTION)
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
        return failure;
    }

    /**
     * Whether {@code failure} says the database could not be reached: SQLSTATE class {@code 08},
     * which the pool also gives its timeout when its attempts to connect failed (not when it was
     * merely exhausted).
     */
    static boolean isUnreachable(RuntimeException failure) {
        SQLException sql = firstSqlException(failure);
        return sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith(CONNECTION_EXCEPTION);
    }

    /** 503: the database is unreachable or busy; {@code cause} may be null. */
    static ApiException unavailable(Throwable cause) {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                "The read model's database is unreachable or busy; retry later.", cause);
    }

    static ApiException noReadModel() {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "No read model has been built yet; retry later.");
    }

    private static SQLException firstSqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
