package com.accountview.projector.projection;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a value PostgreSQL refuses (the fault of one record) from an outage (the fault of the
 * moment), by the SQLSTATE of the failure. Refused: data exceptions (class 22), integrity
 * constraint violations (23), syntax errors and access rule violations (42) that a value can
 * cause, and program limits such as an index row too large (54000). Everything else — lost
 * connections (08), serialization failures and deadlocks (40), shutdowns and cancellations (57),
 * insufficient resources (53), and errors without a SQLSTATE — is an outage, retried forever.
 *
 * <p>Some class-42 states say that the schema itself is broken (a table, column or function
 * missing, a privilege revoked): every record would fail the same way, and dead-lettering them
 * all would empty the topic into its dead-letter topic, so those are outages too, for an operator
 * to repair. Stateless.
 */
final class RefusedValues {

    private static final Set<String> REFUSED_CLASSES = Set.of("22", "23", "42");
    private static final Set<String> REFUSED_STATES = Set.of("54000");
    /** undefined table, column, function, object, schema; insufficient privilege. */
    private static final Set<String> BROKEN_SCHEMA = Set.of("42P01", "42703", "42883", "42704", "3F000", "42501");

    private RefusedValues() {
    }

    /** The refusal behind a failure, or empty if the failure is an outage. */
    static Optional<SQLException> refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                boolean refused = (REFUSED_CLASSES.contains(state.substring(0, 2)) || REFUSED_STATES.contains(state))
                        && !BROKEN_SCHEMA.contains(state);
                return refused ? Optional.of(sql) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
