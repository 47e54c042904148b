package com.accountview.query.readmodel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.accountview.query.support.ProjectedReadModel;

/**
 * The service's database sessions, as {@code pg_stat_activity} shows them: those whose last statement
 * was one of its lookups (every lookup is run by {@link ReadModel}, whose SQL names
 * {@code read_model_lookup_row}). Read on a connection of its own, outside any transaction: inside
 * one, PostgreSQL shows every query of the transaction the same snapshot of {@code pg_stat_activity},
 * so a wait for a change would never see it.
 */
final class LookupSessions implements AutoCloseable {

    private static final String SESSIONS = """
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%read_model_lookup_row%'""";

    private final Connection connection;
    private final Statement statement;

    LookupSessions(ProjectedReadModel readModel) throws SQLException {
        this.connection = readModel.connect();
        this.statement = connection.createStatement();
    }

    /** The sessions, idle or not. */
    long count() throws SQLException {
        return count("SELECT count(*) " + SESSIONS);
    }

    /** The sessions whose lookup waits for a lock. */
    long waitingForALock() throws SQLException {
        return count("SELECT count(*) " + SESSIONS + " AND wait_event_type = 'Lock'");
    }

    /** Ends every session ({@code pg_terminate_backend}); returns how many it ended. */
    long terminateAll() throws SQLException {
        return count("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) " + SESSIONS);
    }

    private long count(String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
