package com.accountview.query.readmodel;

import org.jdbi.v3.core.mapper.RowMapper;

/**
 * A lookup of the live read model, prepared once: its statement already joined to the live
 * generation (see {@link ReadModel}) and the mapping of its rows, so that a request neither renders
 * SQL nor reflects over a row type. Immutable and thread-safe.
 *
 * @param sql  the complete statement {@link ReadModel#readLive} runs
 * @param rows maps one row of {@code lookup} (never the row that says "no live generation")
 */
public record LiveLookup<T>(String sql, RowMapper<T> rows) {

    /**
     * @param lookup a query of the {@code live_*} views with named parameters
     * @param rows   maps one of its rows, by column name
     */
    public static <T> LiveLookup<T> of(String lookup, RowMapper<T> rows) {
        return new LiveLookup<>(ReadModel.onLiveGeneration(lookup), rows);
    }
}
