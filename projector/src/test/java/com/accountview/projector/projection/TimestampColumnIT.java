package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.accountview.contract.Instants;
import com.accountview.testinfra.DatabaseCoordinates;
import com.accountview.testinfra.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * A {@code timestamptz} column bound as microseconds since the epoch stores exactly the instant
 * that its RFC 3339 text, cast by PostgreSQL, stored before: at the ends of the contract's range,
 * around the epoch, and at random instants, in a database whose time zone is not UTC.
 */
class TimestampColumnIT {

    private static final Column COLUMN = new Column("start_date", "timestamptz", write -> null);

    @Test
    void microsecondsSinceTheEpochStoreTheSameInstantAsItsText() throws SQLException {
        List<Instant> instants = new ArrayList<>(List.of(Instants.EARLIEST, Instants.LATEST,
                Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("1970-01-01T00:00:00.000001Z"),
                Instant.parse("2024-03-31T01:30:00.5Z"), Instant.parse("2000-01-01T00:00:00Z")));
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            long micros = random.longs(1, Column.epochMicros(Instants.EARLIEST), Column.epochMicros(Instants.LATEST) + 1)
                    .findFirst().orElseThrow();
            instants.add(Instant.EPOCH.plusSeconds(Math.floorDiv(micros, 1_000_000))
                    .plusNanos(Math.floorMod(micros, 1_000_000) * 1_000L));
        }
        DatabaseCoordinates database = TestInfrastructure.newDatabase();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             PreparedStatement statement = connection.prepareStatement("SELECT current_setting('TimeZone'), "
                     + COLUMN.fromElement("w.micros") + " = CAST(w.text AS timestamptz), w.text "
                     + "FROM unnest(CAST(? AS int8[]), CAST(? AS text[])) AS w(micros, text)")) {
            Long[] micros = instants.stream().map(Column::epochMicros).toArray(Long[]::new);
            String[] texts = instants.stream().map(Instant::toString).toArray(String[]::new);
            statement.setArray(1, connection.createArrayOf("int8", micros));
            statement.setArray(2, connection.createArrayOf("text", texts));
            int rows = 0;
            try (ResultSet results = statement.executeQuery()) {
                while (results.next()) {
                    rows++;
                    assertThat(results.getString(1)).isNotEqualToIgnoringCase("UTC");
                    assertThat(results.getBoolean(2)).as(results.getString(3)).isTrue();
                }
            }
            assertThat(rows).isEqualTo(instants.size());
        }
    }
}
