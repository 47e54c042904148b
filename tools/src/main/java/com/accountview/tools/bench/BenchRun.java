package com.accountview.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.accountview.tools.publish.TopicNames;
import com.accountview.tools.rebuild.ProjectorAdmin;
import com.accountview.tools.stack.Console;
import com.accountview.tools.stack.LocalStackException;
import com.accountview.tools.stack.ProjectionWatch;
import com.accountview.tools.stack.ServiceProcess;

/**
 * One run of the benchmark, every measurement once, AccountView and its baseline interleaved so that
 * a disturbance of the shared machine hits both alike (odd runs measure AccountView first, even runs
 * the baseline):
 * <ol>
 * <li>projection: the projector into a fresh database, the ceiling program into another, each timed
 *     over the whole pre-filled topics and then verified row by row against the reference;</li>
 * <li>queries, on the projector's read model: a fresh query-api, its first window right after it
 *     answers, a warm-up, then each endpoint at each concurrency next to the baseline running the
 *     endpoint's SQL at the same concurrency;</li>
 * <li>rebuild: the run's projector rebuilds the read model from the history's topics through its
 *     admin endpoint while the query-api answers the three endpoints throughout; the rebuilt read
 *     model is verified row by row like the projection's;</li>
 * <li>freshness at a steady event rate, through the query-api and the projector started again on the
 *     run's read model with topics of their own (the history stays the same for every run);</li>
 * <li>peak and sampled resident memory of each service.</li>
 * </ol>
 * Not thread-safe.
 */
final class BenchRun {

    /** The projector's peak resident memory after the rebuild, in {@link RunResult#peakRssKib()}. */
    static final String REBUILDING_PROJECTOR = "projector after the rebuild";
    /** Events the projector started for the freshness measurement applies before it: its warm-up. */
    static final int FRESHNESS_WARMUP_EVENTS = 20_000;

    private final int run;
    private final BenchSettings settings;
    private final BenchSystem system;
    private final Dataset dataset;
    private final Console console;
    private final RssSampler rss;
    private final Optional<Pgbench> pgbench;
    /** tcpdump, when each query window's exchanges are also timed on the wire. */
    private final Optional<Path> tcpdump;
    private final ProjectionMeasure projection;
    private final ProcessCpu postgresCpu;
    /** For the services' {@code /actuator/prometheus}: one client for the run's readings, not one per reading. */
    private final HttpClient scrapes = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ServiceProcess projector;
    private ServiceProcess queryApi;

    BenchRun(int run, BenchSettings settings, BenchSystem system, Dataset dataset, Console console, RssSampler rss,
             Optional<Pgbench> pgbench, Optional<Path> tcpdump) throws IOException {
        this.run = run;
        this.settings = settings;
        this.system = system;
        this.dataset = dataset;
        this.console = console;
        this.rss = rss;
        this.pgbench = pgbench;
        this.tcpdump = tcpdump;
        this.postgresCpu = ProcessCpu.withChildren(system.postgres().pid());
        this.projection = new ProjectionMeasure(postgresCpu, ProcessCpu.of(system.kafka().pid()));
    }

    String accountViewDatabase() {
        return "av_r" + run;
    }

    /**
     * The run's projector and query-api, still running when {@link #execute} returns: by then the
     * projector is its second start, which reads the freshness topics into the run's read model.
     */
    ServiceProcess projector() {
        return projector;
    }

    ServiceProcess queryApi() {
        return queryApi;
    }

    /** A projection and the check of what it wrote. */
    private record Projected(ProjectionMeasure.Result result, ReadModelCheck.Outcome check) {
    }

    RunResult execute() throws Exception {
        Map<String, Long> peakRss = new LinkedHashMap<>();
        Projected accountView;
        Projected ceiling;
        if (run % 2 == 1) {
            accountView = projectAccountView();
            ceiling = projectCeiling(peakRss);
        } else {
            ceiling = projectCeiling(peakRss);
            accountView = projectAccountView();
        }
        Queries queries = queries();

        // the projector's peak and memory trend are those of the projection and the idle query phase
        BenchSystem.requireAlive(projector);
        peakRss.put("projector", ProcFiles.peakRssKib(projector.pid()).orElse(-1));
        Map<String, RssSampler.Trend> trends = new LinkedHashMap<>();
        rss.trend("projector").ifPresent(trend -> trends.put("projector", trend));
        Rebuilt rebuilt = rebuild();
        peakRss.put(REBUILDING_PROJECTOR, ProcFiles.peakRssKib(projector.pid()).orElse(-1));
        Freshness.Result freshness = freshness();

        BenchSystem.requireAlive(projector);
        BenchSystem.requireAlive(queryApi);
        peakRss.put("query-api", ProcFiles.peakRssKib(queryApi.pid()).orElse(-1));
        rss.trend("query-api").ifPresent(trend -> trends.put("query-api", trend));
        return new RunResult(run, accountView.result(), accountView.check(), ceiling.result(), ceiling.check(),
                queries.readyAfter(), queries.startup(), queries.api(), queries.baseline(), freshness, rebuilt.result(), rebuilt.check(),
                peakRss, trends);
    }

    /** What the query phase measured. */
    private record Queries(Duration readyAfter, RunResult.Measured startup, Map<RunResult.QueryKey, RunResult.Measured> api,
                           Map<RunResult.QueryKey, RunResult.Measured> baseline) {
    }

    /** A rebuild and the check of the read model it made. */
    private record Rebuilt(RebuildMeasure.Result result, ReadModelCheck.Outcome check) {
    }

    /**
     * A rebuild of the run's read model by the run's projector (still on the history's topics), through
     * its admin endpoint, with the query-api answering a light load throughout; then the
     * rebuilt read model is checked row by row.
     */
    private Rebuilt rebuild() throws Exception {
        String database = accountViewDatabase();
        ProjectorAdmin admin = new ProjectorAdmin(URI.create("http://127.0.0.1:" + settings.ports().projector()),
                system.adminToken());
        RebuildMeasure.Result result = new RebuildMeasure(admin, new HttpLoad(settings.ports().queryApi()), settings.timeout())
                .measure(settings.rebuildConnections(), dataset.expected().keys(), ProjectionWatch.storedIn(system.bootstrapServers(),
                                system.postgres().jdbcUrl(database), topics(system.topics())),
                        "./accountview bench, run " + run, line -> say("rebuild: %s", line));
        String queries = settings.rebuildConnections() == 0 ? "no queries during it"
                : String.format(Locale.ROOT, "%,d queries answered during it (%,.0f/s, p99 %s ms), %,d errors",
                        result.queries().completed(), result.queries().rate(),
                        ResultTable.millis(result.queries().latencies().p99()), result.queryErrors());
        say("rebuilt generation %d: %,d records in %.1f s, %,.0f/s; %s", result.generation(), result.records(),
                result.took().toMillis() / 1000.0, result.eventsPerSecond(), queries);
        return new Rebuilt(result, verify("the rebuilt generation " + result.generation(), ReadModelCheck.ACCOUNTVIEW, database));
    }

    /** A fresh query-api on the run's read model: its first window, a warm-up, then each endpoint next to its SQL. */
    private Queries queries() throws Exception {
        // A read model just projected into a fresh database has no planner statistics until autovacuum
        // visits it, up to a minute later: with 5,000 accounts (--quick) the planner then read every
        // contract of the organization for each lookup. The queries are measured on a read model as it
        // is after that minute (docs/performance.md, "What runs").
        system.postgres().analyze(accountViewDatabase());
        long start = System.nanoTime();
        queryApi = system.startQueryApi("query-api-r" + run, accountViewDatabase());
        system.awaitReady(queryApi, settings.ports().queryApiManagement());
        Duration readyAfter = Duration.ofNanos(System.nanoTime() - start);
        rss.watch("query-api", queryApi.pid());
        int most = settings.highestConnections();
        RunResult.Measured startup = api(Arrivals.closedLoop(most), settings.startupWindow(), HttpLoad.EndpointChoice.inTurn());
        say("query-api answered %.1f s after its start; in the first %ds: %,.0f requests/s (%d connections, endpoints in turn)",
                readyAfter.toMillis() / 1000.0, settings.startupWindow().toSeconds(), startup.window().rate(), most);
        api(Arrivals.closedLoop(most), settings.warmup(), HttpLoad.EndpointChoice.inTurn());

        Map<RunResult.QueryKey, RunResult.Measured> api = new LinkedHashMap<>();
        Map<RunResult.QueryKey, RunResult.Measured> baseline = new LinkedHashMap<>();
        for (Arrivals load : settings.queryLoads()) {
            for (Endpoint endpoint : Endpoint.values()) {
                RunResult.QueryKey key = new RunResult.QueryKey(endpoint, load);
                // both contract endpoints run the same statement: it is measured once per load
                RunResult.QueryKey sameSql = baseline.keySet().stream()
                        .filter(done -> done.load().equals(load) && done.endpoint().sql() == endpoint.sql())
                        .findFirst().orElse(null);
                if (run % 2 == 0 && sameSql == null) {
                    baseline.put(key, baseline(endpoint.sql(), load));
                }
                api.put(key, api(load, settings.queryWindow(), HttpLoad.EndpointChoice.only(endpoint)));
                if (run % 2 == 1 && sameSql == null) {
                    baseline.put(key, baseline(endpoint.sql(), load));
                }
                if (sameSql != null) {
                    baseline.put(key, baseline.get(sameSql));
                }
                RunResult.Measured measured = api.get(key);
                // the CPU per request of each run, for comparisons of builds run by turns (the table has medians)
                say("%s at %s: %,.0f requests/s, p99 %s ms (in the query-api ≤ %s%s%s), %,.0f µs of query-api CPU"
                                + " per request (baseline %,.0f/s, p99 %s ms)",
                        endpoint.label(), load.label(), measured.window().rate(),
                        ResultTable.millis(measured.window().latencies().p99()),
                        ResultTable.millis(measured.inService().upperBoundMillis(0.99)),
                        tcpdump.isEmpty() ? "" : String.format(Locale.ROOT, "; on the wire %s, %,d packets dropped",
                                ResultTable.millis(measured.onTheWire().latencies().p99()), measured.onTheWire().droppedPackets()),
                        load.open() ? "; sent late by the load generator: p99 "
                                + ResultTable.millis(measured.window().lateness().p99()) : "",
                        measured.serviceCores() / measured.window().rate() * 1e6, baseline.get(key).window().rate(),
                        ResultTable.millis(baseline.get(key).window().latencies().p99()));
            }
        }
        return new Queries(readyAfter, startup, api, baseline);
    }

    /** The projector started again on the run's read model, on the freshness topics, warmed up, then timed. */
    private Freshness.Result freshness() throws Exception {
        rss.forget("projector");
        projector.stop();
        String group = "bench-freshness-r" + run;
        projector = system.startProjector("projector-fresh-r" + run, accountViewDatabase(), system.freshnessTopics(), group);
        system.awaitReady(projector, settings.ports().projector());
        Freshness probes = new Freshness(system.bootstrapServers(), system.freshnessTopics(), settings.ports().queryApi(),
                BenchSettings.ORG);
        probes.burst(FRESHNESS_WARMUP_EVENTS, "warm-r" + run);
        awaitFreshnessEventsApplied();
        ServiceHistogram before = ServiceHistogram.read(scrapes, settings.ports().projector(), ServiceHistogram.Series.PROJECTOR_FRESHNESS);
        Freshness.Result measured = probes.measure(settings.freshnessRate(), settings.freshnessWindow(), "fresh-r" + run);
        // every event of the window applied, so that the projector's histogram holds all of them
        awaitFreshnessEventsApplied();
        Freshness.Result freshness = measured.withInProjector(
                ServiceHistogram.read(scrapes, settings.ports().projector(), ServiceHistogram.Series.PROJECTOR_FRESHNESS).since(before));
        say("freshness at %,d events/s: p50 %s ms, p99 %s ms (%d probes, %d not seen); in the projector, event time to"
                + " applied: p50 ≤ %s ms, p99 ≤ %s ms (%,d events); slowest: %s", settings.freshnessRate(),
                ResultTable.millis(freshness.latencies().p50()), ResultTable.millis(freshness.latencies().p99()),
                freshness.probes(), freshness.unseen(), ResultTable.millis(freshness.inProjector().upperBoundMillis(0.5)),
                ResultTable.millis(freshness.inProjector().upperBoundMillis(0.99)), freshness.inProjector().count(),
                freshness.slowest().stream()
                        .map(slow -> String.format(Locale.ROOT, "%,d ms published at %.1f s", slow.freshness().toMillis(),
                                slow.publishedAt().toMillis() / 1000.0))
                        .collect(Collectors.joining(", ")));
        return freshness;
    }

    /** Waits until the projector has applied every event published to the freshness topics so far. */
    private void awaitFreshnessEventsApplied() throws Exception {
        projection.awaitCaughtUp(projector, ProjectionWatch.storedIn(system.bootstrapServers(),
                system.postgres().jdbcUrl(accountViewDatabase()), topics(system.freshnessTopics())), settings.timeout());
    }

    /** Stops the run's services and drops its database. */
    void finish() throws InterruptedException, SQLException {
        rss.forget("projector");
        rss.forget("query-api");
        for (ServiceProcess service : new ServiceProcess[] {queryApi, projector}) {
            if (service != null) {
                service.stop();
            }
        }
        system.postgres().dropDatabase(accountViewDatabase());
    }

    private Projected projectAccountView() throws Exception {
        String database = accountViewDatabase();
        system.postgres().createDatabase(database);
        long start = System.nanoTime();
        projector = system.startProjector("projector-r" + run, database, system.topics(), "bench-projector-r" + run);
        ProjectionMeasure.Result result = projection.measure(projector, start, ProjectionWatch.storedIn(system.bootstrapServers(),
                system.postgres().jdbcUrl(database), topics(system.topics())), settings.timeout());
        rss.watch("projector", projector.pid());
        say("AccountView projected %,d records at %,.0f/s, %.1f CPU-s per million in its JVM (%.1f of them compiling)",
                dataset.records(), result.eventsPerSecond(), result.sinkCpuPerMillion(), result.sinkCompilerCpuPerMillion());
        return new Projected(result, verify("AccountView", ReadModelCheck.ACCOUNTVIEW, database));
    }

    private Projected projectCeiling(Map<String, Long> peakRss) throws Exception {
        String database = "ceiling_r" + run;
        system.postgres().createDatabase(database);
        long start = System.nanoTime();
        ServiceProcess ceiling = system.startCeiling("ceiling-r" + run, database, "bench-ceiling-r" + run);
        try {
            ProjectionMeasure.Result result = projection.measure(ceiling, start, ProjectionWatch.committedBy(system.bootstrapServers(),
                    "bench-ceiling-r" + run, topics(system.topics())), settings.timeout());
            peakRss.put("ceiling", ProcFiles.peakRssKib(ceiling.pid()).orElse(-1));
            say("the ceiling program projected %,d records at %,.0f/s, %.1f CPU-s per million in its JVM (%.1f of them"
                    + " compiling)", dataset.records(), result.eventsPerSecond(), result.sinkCpuPerMillion(),
                    result.sinkCompilerCpuPerMillion());
            ceiling.stop(); // idle now: its CPU is not the verification's
            return new Projected(result, verify("the ceiling program", ReadModelCheck.CEILING, database));
        } finally {
            ceiling.stop(); // when the projection failed
            system.postgres().dropDatabase(database);
        }
    }

    private static List<String> topics(TopicNames names) {
        return List.of(names.accounts(), names.contracts());
    }

    private ReadModelCheck.Outcome verify(String who, ReadModelCheck check, String database) throws SQLException {
        ReadModelCheck.Outcome outcome = check.verify(system.postgres().jdbcUrl(database), dataset.expected());
        say("%s's read model against the reference: %s", who, outcome.describe());
        if (!outcome.equal()) {
            throw new LocalStackException(who + "'s read model differs from the reference: " + outcome.describe());
        }
        return outcome;
    }

    private RunResult.Measured api(Arrivals load, Duration window, HttpLoad.EndpointChoice choice) throws IOException {
        if (tcpdump.isEmpty()) {
            return httpLoad(load, window, choice);
        }
        try {
            WireCapture capture = WireCapture.start(tcpdump.get(), settings.ports().queryApi(), settings.dataDir().resolve("wire"),
                    "r" + run + "-" + load.label().replaceAll("[^a-z0-9]+", "-"));
            RunResult.Measured measured;
            try {
                measured = httpLoad(load, window, choice);
            } catch (RuntimeException e) {
                capture.abandon(); // not left capturing after the benchmark has failed
                throw e;
            }
            return measured.withOnTheWire(capture.stop());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted", e);
        }
    }

    private RunResult.Measured httpLoad(Arrivals load, Duration window, HttpLoad.EndpointChoice choice) {
        return measured(() -> {
            try {
                return new HttpLoad(settings.ports().queryApi()).run(load, window, dataset.expected().keys(), choice);
            } catch (IOException e) {
                throw new LocalStackException("the HTTP load failed: " + e.getMessage(), e);
            }
        }, ProcessCpu.of(queryApi.pid()), ProcessCpu.self(), this::apiRequestTimes);
    }

    private ServiceHistogram apiRequestTimes() {
        try {
            return ServiceHistogram.read(scrapes, settings.ports().queryApiManagement(), ServiceHistogram.Series.API_REQUESTS);
        } catch (IOException e) {
            throw new LocalStackException("could not read the query-api's request times: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted", e);
        }
    }

    private RunResult.Measured baseline(LookupSql sql, Arrivals load) {
        Path workDir = settings.dataDir().resolve("baseline");
        if (pgbench.isPresent()) {
            return measured(() -> {
                try {
                    return pgbench.get().run(sql, dataset.expected().keys(), load, settings.queryWindow(),
                            system.postgres().port(), accountViewDatabase(), workDir);
                } catch (IOException e) {
                    throw new LocalStackException("pgbench failed: " + e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LocalStackException("interrupted", e);
                }
            }, null, ProcessCpu.reapedChildrenOfSelf(), () -> ServiceHistogram.NONE);
        }
        return measured(() -> {
            try {
                return new JdbcLoad().run(sql, dataset.expected().keys(), load, settings.queryWindow(),
                        system.postgres().jdbcUrl(accountViewDatabase()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("interrupted", e);
            }
        }, null, ProcessCpu.self(), () -> ServiceHistogram.NONE);
    }

    private RunResult.Measured measured(Supplier<LoadWindow> load, ProcessCpu service, ProcessCpu client,
                                        Supplier<ServiceHistogram> timedInService) {
        ServiceHistogram timedBefore = timedInService.get();
        Duration serviceBefore = service == null ? Duration.ZERO : service.get();
        Duration postgresBefore = postgresCpu.get();
        Duration clientBefore = client.get();
        long start = System.nanoTime();
        LoadWindow window = load.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new RunResult.Measured(window,
                service == null ? Double.NaN : ProcessCpu.cores(serviceBefore, service.get(), elapsed),
                ProcessCpu.cores(postgresBefore, postgresCpu.get(), elapsed),
                ProcessCpu.cores(clientBefore, client.get(), elapsed), timedInService.get().since(timedBefore),
                WireCapture.Result.NONE);
    }

    private void say(String format, Object... arguments) {
        console.say("run " + run + ": " + String.format(format, arguments));
    }
}
