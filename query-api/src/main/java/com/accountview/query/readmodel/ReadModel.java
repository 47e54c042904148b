package com.accountview.query.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.stereotype.Component;

/**
 * Runs the query side's lookups against the live generation of the read model, one statement (one
 * database round trip) per lookup, and a second on a new connection when the server had ended the
 * first one's session; it turns database failures into the API's 503 and 504 answers.
 * A lookup reads the {@code live_*} views only and needs to know nothing about generations: it is
 * run joined to {@code live_generation} in the same statement (so on the same snapshot), which
 * tells "no read model has been built yet" (503) from "nothing matches" (no rows). Thread-safe.
 *
 * <p>Plain JDBC on Spring Boot's pool ({@code spring.datasource.*}, {@code spring.datasource.hikari.*}):
 * a prepared statement per lookup, its arguments bound by position. Preparing it on every call is
 * cheap: the PostgreSQL driver keeps a server-side prepared statement per connection and SQL text
 * (from the fifth use, {@code prepareThreshold}). Jdbi, used here before, took about 14% of
 * the service's CPU in a profile (docs/performance.md).
 */
@Component
public class ReadModel {

    /** Set on every row of the lookup; null on the one row the outer join adds when it found none. */
    private static final String LOOKUP_ROW = "read_model_lookup_row";
    private static final String LOOKUP = "<lookup>";

    /** No row at all: no generation is live. */
    private static final String ON_LIVE_GENERATION = """
            SELECT lookup.*
            FROM accountview.live_generation
            LEFT JOIN LATERAL (SELECT true AS read_model_lookup_row, found.* FROM (<lookup>) found) lookup ON true
            """;

    private final DataSource pool;
    private final Outage outage;

    ReadModel(DataSource pool, Outage outage) {
        this.pool = pool;
        this.outage = outage;
    }

    /** {@code lookup} run as {@link #readLive} runs it. */
    static String onLiveGeneration(String lookup) {
        return ON_LIVE_GENERATION.replace(LOOKUP, lookup);
    }

    /**
     * Runs {@code lookup} with the named {@code arguments}.
     *
     * @return its rows, mapped; empty when nothing matches
     * @throws com.accountview.query.errors.ApiException 503 {@code SERVICE_UNAVAILABLE} when no
     *         read model has been built yet or the database is unavailable (at once during an
     *         {@code Outage}), 504
     *         {@code REPOSITORY_TIMEOUT} when it did not answer in time
     */
    public <T> List<T> readLive(LiveLookup<T> lookup, Map<String, ?> arguments) {
        return outage.read(() -> rowsOf(lookup, lookup.positional(arguments)))
                .orElseThrow(ReadModelFailures::noReadModel);
    }

    /**
     * Runs the lookup on a pooled connection, and once more on a new one if the server had ended the
     * first one's session since its last use (a restart, a failover, a terminated backend). The pool
     * hands out a connection used in the last half second without checking it, so each of its dead
     * connections would otherwise cost a request a 503. A lookup only reads, so running it again is
     * safe. If the database is really gone, the second try fails to connect, and that is the answer.
     */
    private <T> Optional<List<T>> rowsOf(LiveLookup<T> lookup, Object[] arguments) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            try {
                return rowsOf(connection, lookup, arguments);
            } catch (SQLException failure) {
                if (!ReadModelFailures.isSessionEnded(failure)) {
                    throw failure;
                }
            }
        }
        // what ended this session has most likely ended the others too (a restart ends them all), and
        // the second try must not get one of them: every pooled connection is replaced as it comes back
        // (the pool has started: it handed out the first connection)
        if (pool instanceof HikariDataSource hikari) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
        try (Connection connection = pool.getConnection()) {
            return rowsOf(connection, lookup, arguments);
        }
    }

    private static <T> Optional<List<T>> rowsOf(Connection connection, LiveLookup<T> lookup, Object[] arguments)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(lookup.sql())) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            try (ResultSet results = statement.executeQuery()) {
                return rowsOf(results, lookup.rows());
            }
        }
    }

    /** Empty without any row (no live generation); otherwise the lookup's rows, none when it found none. */
    private static <T> Optional<List<T>> rowsOf(ResultSet results, Row<T> mapper) throws SQLException {
        if (!results.next()) {
            return Optional.empty();
        }
        List<T> rows = new ArrayList<>();
        do {
            if (results.getBoolean(LOOKUP_ROW)) {
                rows.add(mapper.map(results));
            }
        } while (results.next());
        return Optional.of(rows);
    }
}
