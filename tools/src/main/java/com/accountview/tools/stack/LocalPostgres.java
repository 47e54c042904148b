package com.accountview.tools.stack;

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
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 16 from embedded binaries, with its data directory kept across runs, and the
 * {@code accountview} database and role (password {@code accountview}) the services use by default.
 * Thread-safe.
 */
public final class LocalPostgres {

    static final String DATABASE = "accountview";
    public static final String USER = "accountview";
    public static final String PASSWORD = "accountview";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

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
    private final Path dataDir;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static LocalPostgres start(Path dataDir, int port, Path log) throws IOException, SQLException {
        return start(dataDir, port, log, Map.of());
    }

    /**
     * Starts the server on 127.0.0.1:{@code port} and creates the role and the {@code accountview}
     * database if missing.
     *
     * @param serverSettings PostgreSQL settings ({@code postgresql.conf} names) over the embedded defaults
     */
    public static LocalPostgres start(Path dataDir, int port, Path log, Map<String, String> serverSettings)
            throws IOException, SQLException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        serverSettings.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder
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
        LocalPostgres local = new LocalPostgres(postgres, dataDir);
        local.createDatabase(DATABASE);
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

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** The URL of one of this server's databases. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The server's main process (the postmaster), whose children are the sessions' backends. */
    public long pid() throws IOException {
        return leftover(dataDir).map(ProcessHandle::pid)
                .orElseThrow(() -> new IOException("PostgreSQL is not running on " + dataDir));
    }

    /** Creates the database {@code name}, owned by the {@code accountview} role, unless it exists. */
    public void createDatabase(String name) throws SQLException {
        requireName(name);
        try (Connection connection = admin();
             Statement statement = connection.createStatement();
             PreparedStatement exists = connection.prepareStatement(DATABASE_EXISTS)) {
            statement.execute(ROLE_IF_MISSING);
            exists.setString(1, name);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next()) {
                    statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
                }
            }
        }
    }

    /** Drops the database {@code name} if it exists, closing its sessions. */
    public void dropDatabase(String name) throws SQLException {
        requireName(name);
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /**
     * Gathers planner statistics for every table of the database {@code name}, as autovacuum would on
     * its next visit (each database at most once per {@code autovacuum_naptime}, a minute).
     */
    public void analyze(String name) throws SQLException {
        requireName(name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(name), "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
    }

    /** Database names go into SQL text (DDL takes no parameters): only plain lower-case identifiers. */
    private static void requireName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
    }

    public void stop() throws IOException {
        postgres.close();
    }
}
