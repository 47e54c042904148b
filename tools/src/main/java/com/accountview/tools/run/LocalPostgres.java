package com.accountview.tools.run;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 16 from embedded binaries, with its data directory kept across runs, and the
 * {@code accountview} database and role (password {@code accountview}) the services use by default.
 */
final class LocalPostgres {

    static final String DATABASE = "accountview";
    static final String USER = "accountview";
    static final String PASSWORD = "accountview";

    private static final String ROLE_IF_MISSING = """
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'accountview') THEN
                CREATE ROLE accountview LOGIN PASSWORD 'accountview';
              END IF;
            END $$""";
    private static final String DATABASE_EXISTS = "SELECT 1 FROM pg_database WHERE datname = ?";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static LocalPostgres start(Path dataDir, int port, Path log) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // PostgreSQL's default, localhost, is IPv6's loopback too; a local run listens on 127.0.0.1 only
                .setServerConfig("listen_addresses", ServiceEnvironment.LOOPBACK)
                .setRegisterShutdownHook(false)
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                .start();
        LocalPostgres local = new LocalPostgres(postgres);
        local.createDatabase();
        return local;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    private void createDatabase() throws SQLException {
        String admin = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        try (Connection connection = DriverManager.getConnection(admin, "postgres", "postgres");
             Statement statement = connection.createStatement();
             PreparedStatement exists = connection.prepareStatement(DATABASE_EXISTS)) {
            statement.execute(ROLE_IF_MISSING);
            exists.setString(1, DATABASE);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
                }
            }
        }
    }

    void stop() throws IOException {
        postgres.close();
    }
}
