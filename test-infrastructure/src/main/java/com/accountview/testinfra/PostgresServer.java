package com.accountview.testinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A running PostgreSQL server, whatever starts it, with the administrative access that tests need
 * to create databases and to stop and restart the server for outage tests.
 */
public interface PostgresServer {

    /** Coordinates of the server's maintenance database {@code postgres}, as superuser. */
    DatabaseCoordinates admin();

    /** Stops the server; connections fail until {@link #restart()}. Data survives. */
    void halt();

    /** Starts the server again after {@link #halt()}, on the same port with the same data. */
    void restart();

    void stop();

    /** Creates an empty database named {@code name} owned by the superuser. */
    default DatabaseCoordinates createDatabase(String name) {
        DatabaseCoordinates admin = admin();
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        String url = admin.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
        return new DatabaseCoordinates(url, admin.username(), admin.password());
    }
}
