package com.accountview.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.accountview.tools.publish.TopicNames;
import com.accountview.tools.stack.AdminToken;
import com.accountview.tools.stack.AotCache;
import com.accountview.tools.stack.Console;
import com.accountview.tools.stack.DataDirectory;
import com.accountview.tools.stack.Deadline;
import com.accountview.tools.stack.FreePorts;
import com.accountview.tools.stack.Http;
import com.accountview.tools.stack.JarLaunch;
import com.accountview.tools.stack.JavaRuntime;
import com.accountview.tools.stack.LauncherLog;
import com.accountview.tools.stack.Leftovers;
import com.accountview.tools.stack.LocalKafka;
import com.accountview.tools.stack.LocalPostgres;
import com.accountview.tools.stack.LocalStackException;
import com.accountview.tools.stack.ProjectorTraining;
import com.accountview.tools.stack.ServiceEnvironment;
import com.accountview.tools.stack.ServiceJars;
import com.accountview.tools.stack.ServiceProcess;
import com.accountview.tools.stack.Shutdown;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The parts of the benchmark, each a process of its own on 127.0.0.1: PostgreSQL (embedded
 * binaries, a database per read model), the Kafka broker (this tools jar's {@code kafka-broker} in a
 * child JVM), and, per run, the projector, the query-api and the ceiling program. Everything it starts
 * is stopped in reverse order when the benchmark ends, fails or is interrupted (Ctrl-C), and what a
 * killed benchmark left running is stopped by the next one. Not thread-safe.
 */
final class BenchSystem {

    /** PostgreSQL's defaults where the embedded binaries differ: a commit waits for its WAL flush, as in production. */
    private static final Map<String, String> POSTGRES_SETTINGS = Map.of("synchronous_commit", "on");

    private final BenchSettings settings;
    private final Console console;
    private final Shutdown shutdown;
    private final Leftovers leftovers;
    private final JarLaunch queryApi;
    private final Path toolsJar;
    private final TopicNames topics = TopicNames.DEFAULTS;
    /**
     * Where the freshness events go: topics of their own, so that the history every run projects
     * stays the same. The projector reads them in a second start on the run's read model.
     */
    private final TopicNames freshnessTopics = new TopicNames("bench.freshness.accounts", "bench.freshness.contracts");
    private final String adminToken;
    private LocalPostgres postgres;
    private ServiceProcess kafka;
    private JarLaunch projector;

    private BenchSystem(BenchSettings settings, Console console, Shutdown shutdown, Leftovers leftovers,
                        JarLaunch queryApi) {
        this.settings = settings;
        this.console = console;
        this.shutdown = shutdown;
        this.leftovers = leftovers;
        this.queryApi = queryApi;
        this.toolsJar = ServiceJars.tools(settings.projectDir());
        this.adminToken = AdminToken.of(settings.dataDir());
    }

    /** Claims and empties the data directory, checks the ports, starts PostgreSQL and Kafka, creates the topics. */
    static BenchSystem start(BenchSettings settings, DataDirectory data, Console console, Shutdown shutdown)
            throws Exception {
        Path postgresData = settings.dataDir().resolve("postgres");
        Leftovers leftovers = new Leftovers(settings.dataDir(), postgresData);
        leftovers.stop(console, "an earlier benchmark");
        data.reset();
        FreePorts.require(settings.ports());
        Files.createDirectories(settings.logs());
        LauncherLog.redirectTo(settings.logs().resolve("bench.log"));
        ServiceJars jars = ServiceJars.locate(settings.projectDir());
        // made before any measurement, so that no query-api's start-up time includes the training run
        JarLaunch queryApi = AotCache.forQueryApi(jars.queryApi(), settings.dataDir(), settings.logs(),
                settings.serviceJvmOptions(), console);
        BenchSystem system = new BenchSystem(settings, console, shutdown, leftovers, queryApi);
        system.startInfrastructure(postgresData);
        // its training run needs the broker and the database; also before any measurement
        system.projector = AotCache.forProjector(jars.projector(), settings.dataDir(), settings.logs(),
                settings.projectorJvmOptions(), new ProjectorTraining(system.postgres, system.bootstrapServers(),
                        settings.partitions(), system.adminToken, shutdown, leftovers), console);
        return system;
    }

    private void startInfrastructure(Path postgresData) throws Exception {
        Deadline deadline = Deadline.after(settings.timeout(), "--timeout");
        console.say("starting PostgreSQL 16 on 127.0.0.1:" + settings.ports().postgres());
        postgres = LocalPostgres.start(postgresData, settings.ports().postgres(), settings.logs().resolve("postgres.log"),
                POSTGRES_SETTINGS);
        shutdown.onShutdown("PostgreSQL", postgres::stop);
        // runs after every process has stopped: only then is there nothing left for the next benchmark to stop
        shutdown.onShutdown(null, leftovers::forget);

        console.say("starting Kafka (KRaft, a JVM of its own) on 127.0.0.1:" + settings.ports().kafka());
        kafka = startProcess("kafka-broker", toolsJar, Map.of(), brokerJvmOptions(), List.of("kafka-broker",
                "--log-dir", settings.dataDir().resolve("kafka").toAbsolutePath().toString(),
                "--port", String.valueOf(settings.ports().kafka()),
                "--controller-port", String.valueOf(settings.ports().kafkaController()),
                "--partitions", String.valueOf(settings.partitions()),
                "--log-file", settings.logs().resolve("kafka.log").toAbsolutePath().toString()), "Kafka");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000"))) {
            deadline.await("Kafka at " + bootstrapServers() + " (log: " + kafka.log() + ")", kafka::alive, () -> {
                try {
                    admin.describeCluster().nodes().get();
                    return true;
                } catch (Exception e) {
                    return false;
                }
            });
        }
        List<String> all = new ArrayList<>(topics.withDeadLetterTopics());
        all.addAll(freshnessTopics.withDeadLetterTopics());
        LocalKafka.createTopics(bootstrapServers(), all, settings.partitions());
    }

    /**
     * The broker's JVM: on Java 24+ allowed {@code sun.misc.Unsafe}, which Kafka and lz4-java call, so
     * that its log does not begin with the JDK's deprecation warnings (the option is unknown before 23).
     */
    private static List<String> brokerJvmOptions() {
        return JavaRuntime.current().feature() >= 24 ? List.of("-Xmx1g", "--sun-misc-unsafe-memory-access=allow")
                : List.of("-Xmx1g");
    }

    String bootstrapServers() {
        return "127.0.0.1:" + settings.ports().kafka();
    }

    TopicNames topics() {
        return topics;
    }

    TopicNames freshnessTopics() {
        return freshnessTopics;
    }

    LocalPostgres postgres() {
        return postgres;
    }

    ServiceProcess kafka() {
        return kafka;
    }

    /** The token of every projector's admin endpoint ({@code /actuator/rebuild}), made up for this benchmark. */
    String adminToken() {
        return adminToken;
    }

    /**
     * The projector on {@code database}, reading {@code topics} in consumer group {@code group}: with an
     * AOT cache trained on a projection on Java 25+ ({@link AotCache}), as {@code ./accountview run} starts it.
     */
    ServiceProcess startProjector(String name, String database, TopicNames topics, String group) throws IOException {
        Map<String, String> environment = ServiceEnvironment.projector(settings.ports().projector(),
                postgres.jdbcUrl(database), bootstrapServers(), topics, adminToken);
        environment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", group);
        return startProcess(name, projector.jar(), environment, projector.jvmOptions(), List.of(), null);
    }

    /** The query-api on {@code database}, as its container image runs it: with an AOT cache on Java 25+ ({@link AotCache}). */
    ServiceProcess startQueryApi(String name, String database) throws IOException {
        return startProcess(name, queryApi.jar(), ServiceEnvironment.queryApi(settings.ports().queryApi(),
                settings.ports().queryApiManagement(), postgres.jdbcUrl(database)), queryApi.jvmOptions(), List.of(), null);
    }

    /** The plain single-threaded ceiling program ({@link CeilingCommand}) on {@code database}. */
    ServiceProcess startCeiling(String name, String database, String group) throws IOException {
        return startProcess(name, toolsJar, Map.of(), settings.projectorJvmOptions(), List.of("bench-ceiling",
                "--bootstrap-servers", bootstrapServers(), "--group", group,
                "--accounts-topic", topics.accounts(), "--contracts-topic", topics.contracts(),
                "--jdbc-url", postgres.jdbcUrl(database)), null);
    }

    /** Waits until {@code service}'s readiness probe on {@code port} answers 200. */
    void awaitReady(ServiceProcess service, int port) throws InterruptedException {
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        Http http = new Http();
        Deadline.after(settings.timeout(), "--timeout").await(service.name() + " readiness at " + readiness
                + " (log: " + service.log() + ")", service::alive, () -> http.status(readiness) == 200);
    }

    Duration timeout() {
        return settings.timeout();
    }

    /**
     * Starts a child JVM, recorded for the next benchmark in case this one is killed, and stopped on
     * shutdown (announced under {@code announce}, silently if null: per-run processes are stopped by
     * the run and announced there).
     */
    private ServiceProcess startProcess(String name, Path jar, Map<String, String> environment, List<String> jvmOptions,
                                        List<String> arguments, String announce) throws IOException {
        Path log = settings.logs().resolve(name + ".log");
        ServiceProcess process = ServiceProcess.start(name, jar, environment, jvmOptions, arguments, log);
        shutdown.onShutdown(announce, process::stop);
        leftovers.record(process);
        return process;
    }

    static void requireAlive(ServiceProcess process) {
        if (!process.alive()) {
            throw new LocalStackException(process.name() + " exited with code " + process.exitValue() + ": see " + process.log());
        }
    }
}
