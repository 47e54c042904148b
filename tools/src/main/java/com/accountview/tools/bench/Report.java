package com.accountview.tools.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import com.accountview.tools.stack.AotCache;

/**
 * Turns the runs into the benchmark's one table: medians over the runs (with the lowest and highest
 * run), AccountView next to its baseline, and the context needed to read it. Stateless.
 */
final class Report {

    private final BenchSettings settings;
    private final Dataset dataset;
    private final String baselineTool;

    Report(BenchSettings settings, Dataset dataset, String baselineTool) {
        this.settings = settings;
        this.dataset = dataset;
        this.baselineTool = baselineTool;
    }

    /** The soak's outcome: each service's resident memory over it. */
    record Soak(Duration length, Map<String, RssSampler.Trend> rss) {
    }

    ResultTable table(List<RunResult> runs, Optional<Soak> soak) {
        ResultTable table = new ResultTable();
        int n = runs.size();
        long equalAccountView = runs.stream().filter(r -> r.accountViewCheck().equal()).count();
        long equalCeiling = runs.stream().filter(r -> r.ceilingCheck().equal()).count();
        table.add("read model equals the reference, row by row",
                String.format(Locale.ROOT, "%d of %d runs", equalAccountView, n),
                String.format(Locale.ROOT, "%d of %d runs", equalCeiling, n), "",
                String.format(Locale.ROOT, "%,d live accounts and %,d live contracts", dataset.expected().accounts(),
                        dataset.expected().contracts()));

        Spread avRate = spread(runs, r -> r.accountView().eventsPerSecond());
        Spread ceilingRate = spread(runs, r -> r.ceiling().eventsPerSecond());
        table.add("projection: events/s", ResultTable.count(avRate), ResultTable.count(ceilingRate),
                ResultTable.percent(spread(runs, r -> r.accountView().eventsPerSecond() / r.ceiling().eventsPerSecond())),
                "baseline: the plain single-threaded loop (5000-record polls); AccountView with its defaults");
        projectionCpu(table, runs, "projection: CPU-s per 1M events in the sink's JVM", ProjectionMeasure.Result::sinkCpuPerMillion,
                "utime+stime of the projector's (the loop's) JVM");
        projectionCpu(table, runs, "projection: of it, CPU-s per 1M events in the JIT compiler's threads",
                ProjectionMeasure.Result::sinkCompilerCpuPerMillion, String.format(Locale.ROOT,
                        "C1 and C2 compiler threads of the same JVM over the same span; the JVM without them: %s (loop %s), %s",
                        ResultTable.decimal(spread(runs, r -> r.accountView().sinkCpuPerMillionWithoutCompiler()), 1),
                        ResultTable.decimal(spread(runs, r -> r.ceiling().sinkCpuPerMillionWithoutCompiler()), 1),
                        times(spread(runs, r -> r.accountView().sinkCpuPerMillionWithoutCompiler()
                                / r.ceiling().sinkCpuPerMillionWithoutCompiler()))));
        projectionCpu(table, runs, "projection: CPU-s per 1M events in PostgreSQL", ProjectionMeasure.Result::postgresCpuPerMillion,
                "postmaster and backends");
        projectionCpu(table, runs, "projection: CPU-s per 1M events in the Kafka broker", ProjectionMeasure.Result::brokerCpuPerMillion, "");

        for (Arrivals load : settings.queryLoads()) {
            for (Endpoint endpoint : Endpoint.values()) {
                RunResult.QueryKey key = new RunResult.QueryKey(endpoint, load);
                Function<RunResult, RunResult.Measured> api = r -> r.api().get(key);
                Function<RunResult, RunResult.Measured> base = r -> r.baseline().get(key);
                String label = endpoint.label() + ", " + load.label();
                long errors = runs.stream().mapToLong(r -> api.apply(r).window().errors()).sum();
                table.add(label + ": requests/s", ResultTable.count(spread(runs, r -> api.apply(r).window().rate())),
                        ResultTable.count(spread(runs, r -> base.apply(r).window().rate())),
                        ResultTable.percent(spread(runs, r -> api.apply(r).window().rate() / base.apply(r).window().rate())),
                        String.format(Locale.ROOT, "CPU µs per request: query-api %s, PostgreSQL %s, load generator %s "
                                        + "(%s cores); %s: PostgreSQL %s, %s %s; %s%s",
                                perRequest(runs, api, RunResult.Measured::serviceCores),
                                perRequest(runs, api, RunResult.Measured::postgresCores),
                                perRequest(runs, api, RunResult.Measured::clientCores),
                                cores(runs, r -> api.apply(r).clientCores()), baselineTool,
                                perRequest(runs, base, RunResult.Measured::postgresCores), baselineTool,
                                perRequest(runs, base, RunResult.Measured::clientCores),
                                outcomes(runs, api), errors == 0 ? "" : String.format(Locale.ROOT, "; %,d errors", errors)));
                table.add(label + ": p50 / p99 / p99.9 ms", latencies(runs, r -> api.apply(r).window().latencies()),
                        latencies(runs, r -> base.apply(r).window().latencies()), "",
                        (load.open() ? String.format(Locale.ROOT, "counted from when each request was due (Poisson arrivals;"
                                + " the baseline is pgbench --rate or the JDBC loop on the same schedule); of it, the load"
                                + " generator's own delay in sending (requests whose connection was free): p50 %s, p99 %s ms; ",
                                ResultTable.millis(spread(runs, r -> api.apply(r).window().lateness().p50()).median()),
                                ResultTable.millis(spread(runs, r -> api.apply(r).window().lateness().p99()).median())) : "")
                        + "baseline: " + endpoint.sql().name() + " (" + endpoint.sql().source() + ")"
                                + inQueryApi(runs, api) + (settings.wireLatency() ? onTheWire(runs, api) : ""));
            }
        }
        String first = "query-api, first " + settings.startupWindow().toSeconds() + " s after it answered";
        table.add(first + ": requests/s", ResultTable.count(spread(runs, r -> r.startup().window().rate())), "", "",
                String.format(Locale.ROOT, "%d connections, the three endpoints in turn; it answered %s s after its start",
                        settings.highestConnections(),
                        ResultTable.decimal(spread(runs, r -> r.queryApiReadyAfter().toMillis() / 1000.0), 1)));
        table.add(first + ": p50 / p99 / p99.9 ms", latencies(runs, r -> r.startup().window().latencies()), "", "",
                "then " + settings.warmup().toSeconds() + " s more warm-up before the measured windows of "
                        + settings.queryWindow().toSeconds() + " s");

        long unseen = runs.stream().mapToLong(r -> r.freshness().unseen()).sum();
        table.add(String.format(Locale.ROOT, "freshness at %,d events/s: p50 / p99 ms", settings.freshnessRate()),
                ResultTable.millis(spread(runs, r -> r.freshness().latencies().p50()).median()) + " / "
                        + ResultTable.millis(spread(runs, r -> r.freshness().latencies().p99()).median()), "", "",
                String.format(Locale.ROOT, "publish to a 200 through the API; %s probes per run, each partition's oldest unseen one polled every %d ms%s;"
                                + " of it in the projector, event time to applied (its freshness histogram, every event of the window): p50 ≤ %s, p99 ≤ %s ms",
                        ResultTable.count(spread(runs, r -> (double) r.freshness().probes())), Freshness.POLL_MILLIS,
                        unseen == 0 ? "" : String.format(Locale.ROOT, "; %,d probes never seen", unseen),
                        ResultTable.millis(spread(runs, r -> r.freshness().inProjector().upperBoundMillis(0.5)).median()),
                        ResultTable.millis(spread(runs, r -> r.freshness().inProjector().upperBoundMillis(0.99)).median())));

        rebuild(table, runs);

        table.add("peak RSS (VmHWM), MB: projector / query-api",
                mb(runs, "projector") + " / " + mb(runs, "query-api"), mb(runs, "ceiling") + " (the loop)", "",
                "JVM options: " + String.join(" ", settings.serviceJvmOptions())
                        + "; the projector and the loop: " + String.join(" ", settings.projectorJvmOptions())
                        + (AotCache.usedWith(settings.serviceJvmOptions())
                                ? "; the query-api from an AOT cache trained on its start, the projector from one trained on a projection" : ""));
        table.add("RSS over the run, MB: first → last sample (max)",
                "projector " + trend(runs, "projector") + "; query-api " + trend(runs, "query-api"), "", "",
                "sampled every second: the projector from the end of its projection, the query-api from its start");
        soak.ifPresent(s -> table.add("soak of " + length(s.length()) + ", RSS MB: first → last (max); second half",
                s.rss().entrySet().stream().map(e -> e.getKey() + " " + trendText(e.getValue())
                                + String.format(Locale.ROOT, " %+.1f", e.getValue().secondHalfGrowthKib() / 1024.0))
                        .reduce((a, b) -> a + "; " + b).orElse(ResultTable.NOT_MEASURED), "", "",
                "steady load: the three endpoints in turn at the lowest concurrency and the freshness events"));
        return table;
    }

    /** The rebuild's rate next to the same run's fresh projection, and the query errors during it (which must be 0). */
    private void rebuild(ResultTable table, List<RunResult> runs) {
        long errors = runs.stream().mapToLong(r -> r.rebuild().queryErrors()).sum();
        long equal = runs.stream().filter(r -> r.rebuildCheck().equal()).count();
        RunResult last = runs.get(runs.size() - 1);
        table.add("rebuild: events/s; query errors during it",
                ResultTable.count(spread(runs, r -> r.rebuild().eventsPerSecond())) + "; " + errors,
                ResultTable.count(spread(runs, r -> r.accountView().eventsPerSecond())),
                ResultTable.percent(spread(runs, r -> r.rebuild().eventsPerSecond() / r.accountView().eventsPerSecond())),
                String.format(Locale.ROOT, "baseline: the same run's fresh projection; %,d records replayed in %s s from the "
                                + "request to the switch; %s; rebuilt read model equals the reference in %d of %d runs; "
                                + "projector peak RSS after it %s MB",
                        last.rebuild().records(), ResultTable.decimal(spread(runs, r -> r.rebuild().took().toMillis() / 1000.0), 1),
                        rebuildLoad(runs), equal, runs.size(), mb(runs, BenchRun.REBUILDING_PROJECTOR)));
    }

    private String rebuildLoad(List<RunResult> runs) {
        if (settings.rebuildConnections() == 0) {
            return "no query load meanwhile (--rebuild-connections 0)";
        }
        return String.format(Locale.ROOT, "meanwhile %d connections on the three endpoints in turn: %s requests/s, p99 %s ms, %s",
                settings.rebuildConnections(), ResultTable.count(spread(runs, r -> r.rebuild().queries().rate())),
                ResultTable.millis(spread(runs, r -> r.rebuild().queries().latencies().p99()).median()),
                answers(runs.get(runs.size() - 1).rebuild().queries().statuses()));
    }

    private static void projectionCpu(ResultTable table, List<RunResult> runs, String label,
                                      ToDoubleFunction<ProjectionMeasure.Result> cpu, String notes) {
        table.add(label, ResultTable.decimal(spread(runs, r -> cpu.applyAsDouble(r.accountView())), 1),
                ResultTable.decimal(spread(runs, r -> cpu.applyAsDouble(r.ceiling())), 1),
                times(spread(runs, r -> cpu.applyAsDouble(r.accountView()) / cpu.applyAsDouble(r.ceiling()))), notes);
    }

    /** {@code 10 min}, or {@code 40 s} for less than a minute. */
    static String length(Duration duration) {
        return duration.toMinutes() == 0 ? duration.toSeconds() + " s" : duration.toMinutes() + " min";
    }

    private static String times(Spread spread) {
        return spread.measured() ? String.format(Locale.ROOT, "%.1f×", spread.median()) : ResultTable.NOT_MEASURED;
    }

    /** CPU microseconds per request (or transaction) of one process: its cores over the window's rate. */
    private static String perRequest(List<RunResult> runs, Function<RunResult, RunResult.Measured> window,
                                     ToDoubleFunction<RunResult.Measured> cores) {
        Spread spread = spread(runs, r -> cores.applyAsDouble(window.apply(r)) / window.apply(r).window().rate() * 1e6);
        return spread.measured() ? String.format(Locale.ROOT, "%,.0f", spread.median()) : ResultTable.NOT_MEASURED;
    }

    private static String cores(List<RunResult> runs, ToDoubleFunction<RunResult> cores) {
        Spread spread = spread(runs, cores);
        return spread.measured() ? String.format(Locale.ROOT, "%.2f", spread.median()) : ResultTable.NOT_MEASURED;
    }

    /** The answers' statuses in the last run, e.g. {@code answers 200: 91% 404: 9%}. */
    private static String outcomes(List<RunResult> runs, Function<RunResult, RunResult.Measured> window) {
        return answers(window.apply(runs.get(runs.size() - 1)).window().statuses());
    }

    private static String answers(Map<Integer, Long> statuses) {
        long total = statuses.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "no answers";
        }
        StringBuilder text = new StringBuilder("answers");
        statuses.forEach((status, count) -> text.append(String.format(Locale.ROOT, " %d: %.0f%%", status, 100.0 * count / total)));
        return text.toString();
    }

    private static String latencies(List<RunResult> runs, Function<RunResult, Latencies> latencies) {
        return ResultTable.latencies(spread(runs, r -> latencies.apply(r).p50()), spread(runs, r -> latencies.apply(r).p99()),
                spread(runs, r -> latencies.apply(r).p999()));
    }

    private static String mb(List<RunResult> runs, String process) {
        Spread spread = spread(runs, r -> Optional.ofNullable(r.peakRssKib().get(process)).filter(kib -> kib > 0)
                .map(kib -> kib / 1024.0).orElse(Double.NaN));
        return ResultTable.count(spread);
    }

    private static String trend(List<RunResult> runs, String service) {
        // the last run's: the one whose services ran longest
        return Optional.ofNullable(runs.get(runs.size() - 1).rss().get(service)).map(Report::trendText)
                .orElse(ResultTable.NOT_MEASURED);
    }

    private static String trendText(RssSampler.Trend trend) {
        return String.format(Locale.ROOT, "%,.0f → %,.0f (%,.0f)", trend.firstKib() / 1024.0, trend.lastKib() / 1024.0,
                trend.maxKib() / 1024.0);
    }

    private static Spread spread(List<RunResult> runs, ToDoubleFunction<RunResult> value) {
        return Spread.of(runs.stream().map(r -> value.applyAsDouble(r)).filter(Objects::nonNull).toList());
    }

    /** The whole server's share of the latencies, without the load generator's: tcpdump's times at the query-api's port. */
    private static String onTheWire(List<RunResult> runs, Function<RunResult, RunResult.Measured> api) {
        long dropped = runs.stream().mapToLong(r -> api.apply(r).onTheWire().droppedPackets()).sum();
        return String.format(Locale.ROOT, "; on the wire at its port (tcpdump), a request's first packet to its answer's last:"
                        + " p50 %s, p99 %s, p99.9 %s ms%s",
                ResultTable.millis(spread(runs, r -> api.apply(r).onTheWire().latencies().p50()).median()),
                ResultTable.millis(spread(runs, r -> api.apply(r).onTheWire().latencies().p99()).median()),
                ResultTable.millis(spread(runs, r -> api.apply(r).onTheWire().latencies().p999()).median()),
                dropped == 0 ? "" : String.format(Locale.ROOT, " (%,d packets dropped by the kernel: some missing)", dropped));
    }

    /** The query-api's own share of the latencies: its request timer's quantiles, as bucket upper bounds. */
    private static String inQueryApi(List<RunResult> runs, Function<RunResult, RunResult.Measured> api) {
        return String.format(Locale.ROOT, "; of it in the query-api, first filter to answer (its http_server_requests_seconds):"
                        + " p50 ≤ %s, p99 ≤ %s, p99.9 ≤ %s ms",
                ResultTable.millis(spread(runs, r -> api.apply(r).inService().upperBoundMillis(0.5)).median()),
                ResultTable.millis(spread(runs, r -> api.apply(r).inService().upperBoundMillis(0.99)).median()),
                ResultTable.millis(spread(runs, r -> api.apply(r).inService().upperBoundMillis(0.999)).median()));
    }
}
