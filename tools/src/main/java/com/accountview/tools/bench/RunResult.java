package com.accountview.tools.bench;

import java.time.Duration;
import java.util.Map;

/**
 * Everything one run measured. Immutable.
 *
 * @param run the run's number, from 1
 * @param accountView the projector's projection of the topics
 * @param accountViewCheck its read model against the reference
 * @param ceiling the ceiling program's projection of the same topics
 * @param ceilingCheck its tables against the reference
 * @param queryApiReadyAfter from the query-api's start to its first ready answer
 * @param startup the first window after that
 * @param api each endpoint at each concurrency
 * @param baseline each lookup statement at each concurrency
 * @param freshness publish-to-visible at a steady rate
 * @param rebuild the rebuild of the projection's read model
 * @param rebuildCheck the rebuilt read model against the reference
 * @param peakRssKib {@code VmHWM} of each process by name, at the end of the run
 * @param rss resident memory of each service over the run
 */
record RunResult(int run, ProjectionMeasure.Result accountView, ReadModelCheck.Outcome accountViewCheck,
                 ProjectionMeasure.Result ceiling, ReadModelCheck.Outcome ceilingCheck, Duration queryApiReadyAfter,
                 Measured startup, Map<QueryKey, Measured> api, Map<QueryKey, Measured> baseline,
                 Freshness.Result freshness, RebuildMeasure.Result rebuild, ReadModelCheck.Outcome rebuildCheck,
                 Map<String, Long> peakRssKib,
                 Map<String, RssSampler.Trend> rss) {

    /** An endpoint (or, for the baseline, the statement of that endpoint) under a load: connections, closed or open loop. */
    record QueryKey(Endpoint endpoint, Arrivals load) {
    }

    /**
     * A load window with the CPU it cost, in cores (1.0 = one core busy for the whole window).
     *
     * @param serviceCores the query-api's JVM; NaN for the baseline
     * @param postgresCores PostgreSQL
     * @param clientCores the load generator, pgbench or the JDBC loop
     * @param inService the query-api's own timing of the window's requests, from its first filter to the
     *                  written answer; {@link ServiceHistogram#NONE} for the baseline
     */
    record Measured(LoadWindow window, double serviceCores, double postgresCores, double clientCores,
                    ServiceHistogram inService, WireCapture.Result onTheWire) {

        Measured withOnTheWire(WireCapture.Result captured) {
            return new Measured(window, serviceCores, postgresCores, clientCores, inService, captured);
        }
    }
}
