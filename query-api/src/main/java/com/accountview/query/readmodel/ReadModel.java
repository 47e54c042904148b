package com.accountview.query.readmodel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.springframework.stereotype.Component;

/**
 * Runs the query side's lookups against the live generation of the read model, one statement (one
 * database round trip) per lookup, and turns database failures into the API's 503 and 504 answers.
 * A lookup reads the {@code live_*} views only and needs to know nothing about generations: it is
 * run joined to {@code live_generation} in the same statement (so on the same snapshot), which
 * tells "no read model has been built yet" (503) from "nothing matches" (no rows). Thread-safe.
 */
@Component
public class ReadModel {

    /** Set on every row of the lookup; null on the one row the outer join adds when it found none. */
    private static final String LOOKUP_ROW = "read_model_lookup_row";

    /** No row at all: no generation is live. */
    private static final String ON_LIVE_GENERATION = """
            SELECT lookup.*
            FROM accountview.live_generation
            LEFT JOIN LATERAL (SELECT true AS read_model_lookup_row, found.* FROM (<lookup>) found) lookup ON true
            """;

    private final Jdbi jdbi;

    ReadModel(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Runs the query {@code lookup} with the named {@code arguments} and maps each of its rows to
     * {@code rowType} by column name ({@code account_id} to component {@code accountId}).
     *
     * @return the rows, empty when nothing matches
     * @throws com.accountview.query.errors.ApiException 503 {@code SERVICE_UNAVAILABLE} when no
     *         read model has been built yet or the database is unavailable, 504
     *         {@code REPOSITORY_TIMEOUT} when it did not answer in time
     */
    public <T> List<T> readLive(String lookup, Class<T> rowType, Map<String, ?> arguments) {
        List<Optional<T>> rows;
        try {
            rows = jdbi.withHandle(handle -> handle.createQuery(ON_LIVE_GENERATION)
                    .define("lookup", lookup)
                    .bindMap(arguments)
                    .registerRowMapper(ConstructorMapper.factory(rowType))
                    .map(row -> row.getColumn(LOOKUP_ROW, Boolean.class) == null
                            ? Optional.<T>empty() : Optional.of(row.getRow(rowType)))
                    .list());
        } catch (JdbiException failure) {
            throw ReadModelFailures.translate(failure);
        }
        if (rows.isEmpty()) {
            throw ReadModelFailures.noReadModel();
        }
        return rows.stream().flatMap(Optional::stream).toList();
    }
}
