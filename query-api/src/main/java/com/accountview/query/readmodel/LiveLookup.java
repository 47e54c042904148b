package com.accountview.query.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lookup of the live read model, prepared once: its statement already joined to the live
 * generation (see {@link ReadModel}), its named parameters turned into JDBC's positional ones, and
 * the mapping of its rows, so that a request neither renders nor parses SQL. Immutable and
 * thread-safe.
 *
 * @param sql        the complete statement {@link ReadModel#readLive} prepares, with a {@code ?} for
 *                   each parameter
 * @param parameters the name of each {@code ?} of {@code sql}, in order
 * @param rows       maps one row of the lookup (never the row that says "no live generation")
 */
public record LiveLookup<T>(String sql, List<String> parameters, Row<T> rows) {

    /** {@code :name}, but not the second colon of a {@code ::type} cast. */
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");
    /**
     * What {@link #of} would have to understand to find the parameters reliably (quoted text,
     * comments, dollar quoting, a positional parameter already there); the lookups need none of it.
     */
    private static final Pattern NOT_UNDERSTOOD = Pattern.compile("['\"?$]|--|/\\*");

    public LiveLookup {
        parameters = List.copyOf(parameters);
    }

    /**
     * @param lookup a query of the {@code live_*} views with named parameters ({@code :orgId}),
     *               without quoted text, comments or {@code ?}
     * @param rows   maps one of its rows, by column name
     */
    public static <T> LiveLookup<T> of(String lookup, Row<T> rows) {
        String sql = ReadModel.onLiveGeneration(lookup);
        if (NOT_UNDERSTOOD.matcher(sql).find()) {
            throw new IllegalArgumentException("quoted text, comments and ? are not supported in a lookup: " + lookup);
        }
        List<String> parameters = new ArrayList<>();
        Matcher named = PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (named.find()) {
            parameters.add(named.group(1));
            named.appendReplacement(positional, "?");
        }
        named.appendTail(positional);
        return new LiveLookup<>(positional.toString(), parameters, rows);
    }

    /**
     * The value of each {@code ?}, in order.
     *
     * @param arguments a value for each parameter, by name
     * @throws IllegalArgumentException when an argument is missing
     */
    Object[] positional(Map<String, ?> arguments) {
        Object[] values = new Object[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            String name = parameters.get(i);
            values[i] = arguments.get(name);
            if (values[i] == null && !arguments.containsKey(name)) {
                throw new IllegalArgumentException("no argument for :" + name + " among " + arguments.keySet());
            }
        }
        return values;
    }
}
