package com.accountview.tools.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import com.accountview.tools.cli.Invocation;
import com.accountview.tools.cli.ProgressBar;
import com.accountview.tools.publish.KafkaSink;
import com.accountview.tools.publish.TopicNames;
import com.accountview.tools.stack.AdminToken;
import com.accountview.tools.stack.AotCache;
import com.accountview.tools.stack.CollectorGoal;
import com.accountview.tools.stack.Console;
import com.accountview.tools.stack.DataDirectory;
import com.accountview.tools.stack.Deadline;
import com.accountview.tools.stack.FreePorts;
import com.accountview.tools.stack.Http;
import com.accountview.tools.stack.JarLaunch;
import com.accountview.tools.stack.LauncherLog;
import com.accountview.tools.stack.Leftovers;
import com.accountview.tools.stack.LocalKafka;
import com.accountview.tools.stack.LocalPostgres;
import com.accountview.tools.stack.LocalStackException;
import com.accountview.tools.stack.ProjectionWatch;
import com.accountview.tools.stack.ProjectorTraining;
import com.accountview.tools.stack.ServiceEnvironment;
import com.accountview.tools.stack.ServiceJars;
import com.accountview.tools.stack.ServiceProcess;
import com.accountview.tools.stack.Shutdown;

/**
 * The whole system on one machine: a KRaft Kafka broker in this JVM, PostgreSQL, the projector
 * and the query-api as child processes wired to them through their standard environment
 * variables, the demo data published once, and everything stopped in reverse order on Ctrl-C.
 */
final class LocalSystem {

    private static final String EXAMPLE_PATH = "/v4/orgs/telco/external-accounts/214748364";

    private final RunSettings settings;
    private final DataDirectory data;
    private final Console console;
    private final String tools;
    private final Shutdown shutdown;
    private final Http http = new Http();
    private final TopicNames topics = TopicNames.DEFAULTS;
    private volatile boolean stopping;

    /** @param tools how the user calls these tools ({@link Invocation}), for the commands the run suggests */
    LocalSystem(RunSettings settings, DataDirectory data, Console console, String tools) {
        this.settings = settings;
        this.data = data;
        this.console = console;
        this.tools = tools;
        this.shutdown = new Shutdown(console);
    }

    /**
     * Starts everything, then blocks until Ctrl-C or SIGTERM (the JVM then ends with 128 + the
     * signal, 130 or 143, once its shutdown hook has stopped everything) or until a service dies (1).
     */
    int run() throws Exception {
        ServiceJars jars = ServiceJars.locate(settings.projectDir());
        Path postgresData = settings.dataDir().resolve("postgres");
        Leftovers leftovers = new Leftovers(settings.dataDir(), postgresData);
        leftovers.stop(console, "an earlier run");
        if (settings.reset()) {
            console.say("--reset: deleting everything in " + data.path());
            data.reset();
        }
        Files.createDirectories(settings.logs());
        FreePorts.require(settings.ports());
        LauncherLog.redirectTo(settings.logs().resolve("launcher.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            shutdown.run();
            console.say("stopped");
        }, "accountview-stop"));

        console.say("starting PostgreSQL 16 on 127.0.0.1:" + settings.ports().postgres());
        LocalPostgres postgres = LocalPostgres.start(postgresData, settings.ports().postgres(),
                postgresLog());
        shutdown.onShutdown("PostgreSQL", postgres::stop);

        console.say("starting Kafka (KRaft) on 127.0.0.1:" + settings.ports().kafka());
        LocalKafka kafka = LocalKafka.start(settings.dataDir().resolve("kafka"), settings.ports().kafka(),
                settings.ports().kafkaController(), settings.partitions());
        shutdown.onShutdown("Kafka", kafka::stop);
        kafka.createTopics(topics.withDeadLetterTopics(), settings.partitions());
        try {
            List<String> groups = kafka.removeGroupMembers();
            if (!groups.isEmpty()) {
                console.say("removed the members an earlier projector left in consumer group " + String.join(", ", groups)
                        + " (the broker would have held their partitions for 45 s)");
            }
        } catch (ExecutionException e) {
            // only a faster start was at stake: the broker lets the members go after their session timeout
            console.say("could not remove the members an earlier projector may have left in its consumer groups ("
                    + e.getCause() + "); the projector may wait up to 45 s for its partitions");
        }

        // runs after the services have stopped: only then is there nothing left to clean up next time
        shutdown.onShutdown(null, leftovers::forget);
        JarLaunch projectorLaunch = projectorLaunch(jars.projector(), postgres, kafka, leftovers);
        ServiceProcess projector = startService("projector", projectorLaunch, ServiceEnvironment.projector(
                settings.ports().projector(), postgres.jdbcUrl(), kafka.bootstrapServers(), topics,
                AdminToken.of(settings.dataDir())), leftovers);
        JarLaunch queryApiLaunch = queryApiLaunch(jars.queryApi());
        // from here: the AOT trainings before (Java 25+, first start of a jar) are bounded on their own
        Deadline deadline = Deadline.after(settings.startupTimeout(), "--startup-timeout");
        ServiceProcess queryApi = startService("query-api", queryApiLaunch, ServiceEnvironment.queryApi(
                settings.ports().queryApi(), settings.ports().queryApiManagement(), postgres.jdbcUrl()), leftovers);
        List<ServiceProcess> services = List.of(projector, queryApi);

        awaitReady(projector, settings.ports().projector(), deadline);
        DemoData demo = new DemoData(settings.dataDir());
        boolean demoFromEarlierRun = demo.alreadyPublished();
        // before the query-api is ready: its warm-up then looks up the first demo accounts projected
        publishDemo(kafka, demo, demoFromEarlierRun);
        awaitReady(queryApi, settings.ports().queryApiManagement(), deadline);
        awaitProjection(kafka, postgres, services, deadline);
        if (settings.loadDemo()) {
            awaitExample(services, deadline, demoFromEarlierRun);
        }
        console.print(CurlExamples.text(settings, tools, demo.alreadyPublished()));
        console.say("ready");
        return awaitExit(services, ProcessHandle.of(postgres.pid()).orElseThrow(
                () -> new LocalStackException("PostgreSQL stopped while the run started: see " + postgresLog())));
    }

    /** The projector with its collector's goal; on Java 25+ from an AOT cache trained on a projection ({@link AotCache}). */
    private JarLaunch projectorLaunch(Path jar, LocalPostgres postgres, LocalKafka kafka, Leftovers leftovers) throws Exception {
        return AotCache.forProjector(jar, settings.dataDir(), settings.logs(), CollectorGoal.forProjector(settings.serviceJvmOptions()),
                new ProjectorTraining(postgres, kafka.bootstrapServers(), settings.partitions(), AdminToken.of(settings.dataDir()),
                        shutdown, leftovers), console);
    }

    /** The query-api as its container image runs it: with an AOT cache on Java 25+ ({@link AotCache}). */
    private JarLaunch queryApiLaunch(Path jar) throws Exception {
        return AotCache.forQueryApi(jar, settings.dataDir(), settings.logs(), settings.serviceJvmOptions(), console);
    }

    private ServiceProcess startService(String name, JarLaunch launch, Map<String, String> environment,
                                        Leftovers leftovers) throws IOException {
        Path log = settings.logs().resolve(name + ".log");
        console.say("starting " + name + " on port " + environment.get("SERVER_PORT") + " (log: " + log + ")");
        ServiceProcess service = ServiceProcess.start(name, launch.jar(), environment, launch.jvmOptions(), log);
        shutdown.onShutdown(name, service::stop);
        leftovers.record(service);
        return service;
    }

    private void awaitReady(ServiceProcess service, int port, Deadline deadline) throws InterruptedException {
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        deadline.await(service.name() + " readiness at " + readiness + " (log: " + service.log() + ")",
                service::alive, () -> http.status(readiness) == 200);
        console.say(service.name() + " is ready");
    }

    /**
     * The example account answers 200 once the demo data just published is projected. Published by an
     * earlier run, it may have changed since (the account deleted, its external id claimed twice): then
     * any answer but a server error shows that the API serves, and one other than 200 is reported, not
     * waited for until the start-up timeout (which made a data directory unusable).
     */
    private void awaitExample(List<ServiceProcess> services, Deadline deadline, boolean demoFromEarlierRun)
            throws InterruptedException {
        URI example = URI.create("http://127.0.0.1:" + settings.ports().queryApi() + EXAMPLE_PATH);
        if (!demoFromEarlierRun) {
            deadline.await("the example account to answer 200 at " + example, () -> allAlive(services),
                    () -> http.status(example) == 200);
            return;
        }
        int[] status = {0};
        deadline.await("the query-api to answer at " + example, () -> allAlive(services), () -> {
            status[0] = http.status(example);
            return status[0] > 0 && status[0] < 500;
        });
        if (status[0] != 200) {
            console.say("the example account answers " + status[0] + ": the demo data has changed since an earlier run"
                    + " published it, so the requests below may answer otherwise (--reset starts afresh)");
        }
    }

    private void publishDemo(LocalKafka kafka, DemoData demo, boolean demoFromEarlierRun) throws IOException {
        if (!settings.loadDemo()) {
            return;
        }
        if (demoFromEarlierRun) {
            console.say("demo data already published in this data directory");
            return;
        }
        console.say("publishing the demo data set (" + settings.demoAccounts() + " generated accounts and the edge cases)");
        long records;
        try (KafkaSink sink = new KafkaSink(kafka.bootstrapServers(), topics, Map.of())) {
            records = demo.publish(sink, settings.demoAccounts());
        }
        console.say(String.format("published %,d records", records));
    }

    private void awaitProjection(LocalKafka kafka, LocalPostgres postgres, List<ServiceProcess> services, Deadline deadline)
            throws Exception {
        try (ProjectionWatch watch = ProjectionWatch.storedIn(kafka.bootstrapServers(), postgres.jdbcUrl(),
                List.of(topics.accounts(), topics.contracts()))) {
            ProjectionWatch.Progress start = watch.progress();
            // caught up already (while the query-api started, say): a bar would only repeat the line below
            ProgressBar bar = new ProgressBar("records projected", start.projected(), start.published(),
                    start.caughtUp() ? Long.MAX_VALUE : 1);
            deadline.await("the projector to catch up", () -> allAlive(services), () -> {
                ProjectionWatch.Progress progress = watch.progress();
                bar.advanceTo(progress.projected());
                return progress.caughtUp();
            });
            bar.finish();
            console.say(String.format("projected all %,d records", start.published()));
        }
    }

    /**
     * Until a stop (0, though the JVM ends with the signal's own status), or until a service or
     * PostgreSQL ends on its own (1; the shutdown hook then stops the rest). PostgreSQL is watched too: a server gone unnoticed left a run that said
     * "ready" while every query answered 503.
     */
    private int awaitExit(List<ServiceProcess> services, ProcessHandle postgres) {
        List<CompletableFuture<?>> exits = new ArrayList<>(services.stream().map(ServiceProcess::onExit).toList());
        exits.add(postgres.onExit());
        CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).join();
        if (stopping) {
            return 0;
        }
        for (ServiceProcess service : services) {
            if (!service.alive()) {
                console.say(service.name() + " exited with code " + service.exitValue() + ": see " + service.log());
            }
        }
        if (!postgres.isAlive()) {
            console.say("PostgreSQL (pid " + postgres.pid() + ") exited: see " + postgresLog());
        }
        return 1;
    }

    private Path postgresLog() {
        return settings.logs().resolve("postgres.log");
    }

    private static boolean allAlive(List<ServiceProcess> services) {
        return services.stream().allMatch(ServiceProcess::alive);
    }
}
