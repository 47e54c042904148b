package com.accountview.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's PostgreSQL: real embedded binaries on 127.0.0.1 in a temporary data directory. */
class LocalPostgresIT {

    @TempDir
    Path directory;

    private LocalPostgres postgres;

    @AfterEach
    void stop() throws Exception {
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    void analyzeGivesATableJustFilledItsPlannerStatistics() throws Exception {
        postgres = LocalPostgres.start(directory.resolve("postgres"), LoopbackPorts.free(1)[0], directory.resolve("postgres.log"));
        postgres.createDatabase("analyzed");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("analyzed"), LocalPostgres.USER,
                LocalPostgres.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE filled AS SELECT n FROM generate_series(1, 5000) n");
            assertThat(rowsThePlannerKnows(statement)).isNotEqualTo(5000);

            postgres.analyze("analyzed");

            assertThat(rowsThePlannerKnows(statement)).isEqualTo(5000);
        }
    }

    /** {@code pg_class.reltuples}: -1 until the table was first analyzed or vacuumed. */
    private static long rowsThePlannerKnows(Statement statement) throws Exception {
        try (ResultSet result = statement.executeQuery("SELECT reltuples::bigint FROM pg_class WHERE relname = 'filled'")) {
            result.next();
            return result.getLong(1);
        }
    }
}
