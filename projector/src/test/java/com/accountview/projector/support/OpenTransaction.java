package com.accountview.projector.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * A transaction of the test's own, left open after its statement with the locks that statement
 * took, until it is closed (rolled back): to hold a projector back at a chosen point, as a long
 * query or a slow writer would. Not thread-safe.
 */
public final class OpenTransaction implements AutoCloseable {

    private final Connection connection;

    private OpenTransaction(Connection connection) {
        this.connection = connection;
    }

    /** Opens a transaction on a connection of its own and runs the statement in it. */
    public static OpenTransaction holding(DataSource dataSource, String sql) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(sql);
            return new OpenTransaction(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Rolls back, releasing the locks, and closes the connection. */
    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
