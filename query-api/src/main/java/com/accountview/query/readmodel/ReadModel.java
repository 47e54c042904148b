package com.accountview.query.readmodel;

import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.springframework.stereotype.Component;

/**
 * Runs the query side's reads against the live generation of the read model, one statement (one
 * database round trip) per read, and turns database failures into the API's 503 and 504 answers.
 * Thread-safe.
 */
@Component
public class ReadModel {

    private final Jdbi jdbi;

    ReadModel(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Runs {@code sql} and maps each row to {@code rowType} by column name ({@code account_id} to
     * component {@code accountId}).
     *
     * <p>{@code sql} must select {@code FROM accountview.live_generation} and {@code LEFT JOIN}
     * everything else to it, so that it returns at least one row whenever a generation is live: no
     * row at all means no read model has been built yet, answered 503.
     */
    public <T> List<T> readLive(String sql, Class<T> rowType, Map<String, ?> arguments) {
        List<T> rows;
        try {
            rows = jdbi.withHandle(handle -> handle.createQuery(sql)
                    .bindMap(arguments)
                    .map(ConstructorMapper.of(rowType))
                    .list());
        } catch (JdbiException failure) {
            throw ReadModelFailures.translate(failure);
        }
        if (rows.isEmpty()) {
            throw ReadModelFailures.noReadModel();
        }
        return rows;
    }
}
