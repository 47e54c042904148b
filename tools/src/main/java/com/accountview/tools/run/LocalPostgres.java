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
import java.util.List;
import java.util.Optional;

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
    /** Where PostgreSQL records its process id (first line) while it runs. */
    private static final String PID_FILE = "postmaster.pid";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static LocalPostgres start(Path dataDir, int port, Path log) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                // the server's command line names the directory as given: the real path, as leftover() looks for it
                .setDataDirectory(dataDir.toRealPath())
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

    /**
     * The PostgreSQL server still running on {@code dataDir} after its launcher was killed: the
     * process PostgreSQL recorded in {@code postmaster.pid}, if it is still a {@code postgres}
     * server started on this directory (a stale file's pid may belong to another program by now).
     */
    static Optional<ProcessHandle> leftover(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        String directory = dataDir.toRealPath().toString();
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> servesDirectory(process.info(), directory));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty(); // a file PostgreSQL did not finish writing: no server started
        }
    }

    private static boolean servesDirectory(ProcessHandle.Info process, String directory) {
        boolean postgres = process.command().map(command -> Path.of(command).getFileName().toString())
                .filter(name -> name.equals("postgres") || name.equals("postgres.exe")).isPresent();
        List<String> arguments = process.arguments().map(List::of).orElse(List.of());
        int option = arguments.indexOf("-D");
        return postgres && option >= 0 && option + 1 < arguments.size() && arguments.get(option + 1).equals(directory);
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
