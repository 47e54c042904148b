package com.accountview.tools.bench;

import java.util.Optional;

/**
 * The rebuild's place in every run of the benchmark: its rate, and how many query errors clients saw
 * during it (which must be 0). A run calls it after the freshness measurement, with the projector
 * and the query-api still running on the run's read model. Until the rebuild command exists,
 * {@link #NOT_YET} fills the slot, and the table says so.
 */
interface RebuildMeasure {

    /** What a run's services offer the measurement. */
    record Context(int run, int projectorPort, int queryApiPort, KeyRange keys, long records) {
    }

    /** One rebuild: its rate in events per second, and the query errors during it. */
    record Result(double eventsPerSecond, long queryErrors) {
    }

    /** Measures one rebuild; empty when it cannot be measured ({@link #reason()} says why). */
    Optional<Result> measure(Context context) throws Exception;

    /** Why nothing was measured, for the table. */
    String reason();

    RebuildMeasure NOT_YET = new RebuildMeasure() {
        @Override
        public Optional<Result> measure(Context context) {
            return Optional.empty();
        }

        @Override
        public String reason() {
            return "not measured: the rebuild command does not exist yet";
        }
    };
}
