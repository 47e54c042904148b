package com.accountview.tools.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.accountview.tools.stack.CollectorGoal;
import com.accountview.tools.stack.LoopbackPorts;

/**
 * The README's run command end to end: {@code ./accountview run} on free ports and a fresh data
 * directory answers the API's example on all three endpoints, listens on 127.0.0.1 only, stops
 * cleanly on SIGTERM, and on the next start serves the same data without publishing the demo again;
 * a second launcher on the same data directory is refused; after a SIGKILL of the launcher, the next
 * run stops what it left running and comes up. Needs the service jars built
 * (the reactor packages them before this module's integration tests).
 */
class RunCommandIT {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final String EXAMPLE = "/v4/orgs/telco/external-accounts/214748364";
    private static final Duration STARTUP = Duration.ofMinutes(5);

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ProcessHandle> started = new ArrayList<>();

    /** After a failure: launchers, the services they started (also those a killed launcher left behind) and PostgreSQL. */
    @AfterEach
    void killWhatIsLeft() throws IOException {
        started.forEach(ProcessHandle::destroyForcibly);
        Path postmasterPid = temp.resolve("data").resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(postmasterPid)) {
            ProcessHandle.of(postgresPid(temp.resolve("data")))
                    .filter(process -> process.info().commandLine().orElse("").contains(temp.toString()))
                    .ifPresent(ProcessHandle::destroy); // SIGTERM: PostgreSQL shuts down
        }
    }

    @Test
    void theRunCommandServesTheExampleStopsCleanlyAndKeepsItsDataAcrossARestart() throws Exception {
        int[] ports = LoopbackPorts.free(6);
        Path dataDir = temp.resolve("data");

        Path firstOutput = temp.resolve("first.out");
        Process first = start(ports, dataDir, firstOutput);
        awaitReady(first, firstOutput);

        assertThat(get(ports[0], EXAMPLE)).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"id\":\"3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60\"");
        });
        assertThat(get(ports[0], EXAMPLE + "/contracts")).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"PENDING\"", "\"status\":\"ACTIVE\"",
                    "\"status\":\"SUSPENDED\"", "\"status\":\"TERMINATED\"", "\"status\":\"CANCELLED\"");
        });
        assertThat(get(ports[0], EXAMPLE + "/contracts/active")).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"product\":{\"id\":\"FIBER_1GB\"");
        });
        assertThat(get(ports[0], "/v4/orgs/telco/external-accounts/555000111").statusCode()).as("conflict").isEqualTo(409);
        assertEverythingListensOnTheLoopbackAddressOnly(first, dataDir, ports);
        assertThat(argumentsOf(first, "projector")).as("the projector's JVM: G1 with a throughput goal")
                .contains(CollectorGoal.forProjector(List.of()).get(0));
        assertThat(argumentsOf(first, "query-api")).as("the query-api's JVM: G1's own goals")
                .noneMatch(argument -> argument.startsWith("-XX:GCTimeRatio"));
        assertThat(Files.readString(firstOutput)).contains("curl -X GET http://localhost:" + ports[0] + EXAMPLE
                + " -H \"Accept: application/json\" -H \"x-auth-roles: API_KEY\"");

        String launcher = PROJECT.resolve("accountview").toString();
        assertThat(Files.readString(firstOutput)).as("the commands it suggests, named as the launcher was called")
                .contains(launcher + " publish --file events.jsonl --bootstrap-servers 127.0.0.1:" + ports[2])
                .doesNotContain("accountview-tools");

        // the rebuild command the run printed, as printed (its admin token is in the data directory)
        List<String> rebuildCommand = new ArrayList<>(List.of("bash"));
        rebuildCommand.addAll(List.of(lineStartingWith(launcher + " rebuild ", firstOutput).split(" ")));
        rebuildCommand.add("--no-build");
        Path rebuildOutput = temp.resolve("rebuild.out");
        Process rebuild = new ProcessBuilder(rebuildCommand)
                .directory(PROJECT.toFile()).redirectErrorStream(true).redirectOutput(rebuildOutput.toFile()).start();
        started.add(rebuild.toHandle());
        assertThat(rebuild.waitFor(3, TimeUnit.MINUTES)).as("the rebuild command ends").isTrue();
        assertThat(rebuild.exitValue()).as(Files.readString(rebuildOutput)).isZero();
        assertThat(Files.readString(rebuildOutput)).contains("rebuild started: generation 2", "done: generation 2 is live");

        // --detach suggests a follow-up that reaches the same projector with the same token (the run's data
        // directory holds it): it runs as printed
        List<String> detach = new ArrayList<>(rebuildCommand);
        detach.add("--detach");
        String detached = runToTheEnd(detach, temp.resolve("detach.out"));
        assertThat(detached).contains("rebuild started: generation 3");
        List<String> followUp = new ArrayList<>(List.of("bash"));
        followUp.addAll(List.of(detached.lines().map(String::strip).filter(line -> line.startsWith("follow it with: "))
                .findFirst().orElseThrow().substring("follow it with: ".length()).split(" ")));
        followUp.add("--no-build");
        // generation 3 may have gone live already (a small history), or still be building
        assertThat(runToTheEnd(followUp, temp.resolve("status.out"))).containsPattern("live: generation [23] ");
        assertThat(get(ports[0], EXAMPLE).body()).contains("\"id\":\"3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60\"");

        stopAndAssertEverythingStopped(first, firstOutput, ports);

        Path secondOutput = temp.resolve("second.out");
        Process second = start(ports, dataDir, secondOutput);
        awaitReady(second, secondOutput);
        assertThat(Files.readString(secondOutput)).contains("demo data already published");
        assertThat(get(ports[0], EXAMPLE).statusCode()).isEqualTo(200);
        stopAndAssertEverythingStopped(second, secondOutput, ports);
    }

    private static void assertEverythingListensOnTheLoopbackAddressOnly(Process launcher, Path dataDir, int[] ports)
            throws IOException {
        Assumptions.assumeTrue(ListeningSockets.available(), "Linux's /proc/net/tcp is needed to see listening sockets");
        List<Long> pids = new ArrayList<>(List.of(launcher.pid(), postgresPid(dataDir)));
        launcher.descendants().forEach(process -> pids.add(process.pid()));

        List<InetSocketAddress> listening = ListeningSockets.of(pids);

        assertThat(listening).extracting(InetSocketAddress::getPort).as("the run's ports")
                .containsAll(Arrays.stream(ports).boxed().toList());
        assertThat(listening).as("every socket the launcher, the services and PostgreSQL listen on")
                .allSatisfy(address -> assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1"));
    }

    /** PostgreSQL is no child of the launcher ({@code pg_ctl} starts it as a daemon); it records its pid itself. */
    private static long postgresPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
    }

    @Test
    void afterTheLauncherIsKilledTheNextRunStopsWhatItLeftRunningAndComesUp() throws Exception {
        int[] ports = LoopbackPorts.free(6);
        Path dataDir = temp.resolve("data");
        Path firstOutput = temp.resolve("first.out");
        Process first = start(ports, dataDir, firstOutput, "--no-demo");
        awaitReady(first, firstOutput);
        List<ProcessHandle> services = first.descendants().toList();
        ProcessHandle postgres = ProcessHandle.of(postgresPid(dataDir)).orElseThrow();

        Path intruderOutput = temp.resolve("intruder.out");
        Process intruder = start(LoopbackPorts.free(6), dataDir, intruderOutput, "--no-demo");
        assertThat(intruder.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(intruder.exitValue()).as("a second launcher on the same data directory").isEqualTo(1);
        assertThat(Files.readString(intruderOutput)).contains("error: another ./accountview run is using " + dataDir);
        assertThat(services).as("the first launcher's services").allMatch(ProcessHandle::isAlive);

        first.destroyForcibly(); // SIGKILL: the launcher stops nothing

        assertThat(first.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(services).as("the services outlive a killed launcher").hasSizeGreaterThanOrEqualTo(2)
                .allMatch(ProcessHandle::isAlive);
        assertThat(postgres.isAlive()).as("PostgreSQL outlives a killed launcher").isTrue();

        Path secondOutput = temp.resolve("second.out");
        Process second = start(ports, dataDir, secondOutput, "--no-demo");
        awaitReady(second, secondOutput);
        assertThat(Files.readString(secondOutput)).as("said before it waits for them, then each one")
                .containsPattern("stopping (projector|query-api) \\(pid \\d+\\), (projector|query-api) \\(pid \\d+\\), PostgreSQL"
                        + " \\(pid " + postgres.pid() + "\\) left running by an earlier run \\(SIGTERM; forcibly after 40 s\\)")
                .contains("stopped PostgreSQL (pid " + postgres.pid() + ") left running by an earlier run",
                        "stopped projector (pid ", "stopped query-api (pid ",
                        "removed the members an earlier projector left in consumer group accountview-projector.g1");
        assertThat(postgres.isAlive()).isFalse();
        assertThat(services).noneMatch(ProcessHandle::isAlive);
        stopAndAssertEverythingStopped(second, secondOutput, ports);
    }

    @Test
    void whenItsPostgreSqlDiesTheLauncherSaysSoAndStopsTheRest() throws Exception {
        int[] ports = LoopbackPorts.free(6);
        Path dataDir = temp.resolve("data");
        Path output = temp.resolve("run.out");
        Process launcher = start(ports, dataDir, output, "--no-demo");
        awaitReady(launcher, output);
        List<ProcessHandle> services = launcher.descendants().toList();
        ProcessHandle postgres = ProcessHandle.of(postgresPid(dataDir)).orElseThrow();

        postgres.destroyForcibly();

        assertThat(launcher.waitFor(2, TimeUnit.MINUTES)).as("the launcher ends").isTrue();
        assertThat(launcher.exitValue()).as(Files.readString(output)).isEqualTo(1);
        assertThat(Files.readString(output)).contains("PostgreSQL (pid " + postgres.pid() + ") exited: see "
                + dataDir.resolve("logs").resolve("postgres.log"));
        assertThat(services).as("the services it started").noneMatch(ProcessHandle::isAlive);
    }

    /** Runs a command of the launcher in the repository, asserts it ends with exit code 0, and gives its output. */
    private String runToTheEnd(List<String> command, Path output) throws Exception {
        Process process = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        started.add(process.toHandle());
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s ends", command).isTrue();
        assertThat(process.exitValue()).as(Files.readString(output)).isZero();
        return Files.readString(output);
    }

    private static String lineStartingWith(String start, Path output) throws IOException {
        return Files.readAllLines(output).stream().map(String::strip).filter(line -> line.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + start + "' in " + output));
    }

    private Process start(int[] ports, Path dataDir, Path output, String... moreOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", PROJECT.resolve("accountview").toString(), "run", "--no-build",
                "--data-dir", dataDir.toString(),
                "--http-port", String.valueOf(ports[0]), "--projector-port", String.valueOf(ports[1]),
                "--kafka-port", String.valueOf(ports[2]), "--kafka-controller-port", String.valueOf(ports[3]),
                "--postgres-port", String.valueOf(ports[4]), "--query-api-management-port", String.valueOf(ports[5]),
                "--demo-accounts", "200", "--partitions", "2", "--startup-timeout", STARTUP.toString(),
                // C1 only and a 2-s warm-up: a faster start, nothing this test checks depends on the JIT
                "--service-jvm-options", "-Xmx384m -XX:TieredStopAtLevel=1 -Daccountview.warmup.duration=2s"));
        command.addAll(List.of(moreOptions));
        Process process = new ProcessBuilder(command)
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        started.add(process.toHandle());
        return process;
    }

    /**
     * The command line of the launcher's child that runs {@code service}: its jar ({@code service-*.jar}) or, on
     * Java 25+, its extracted {@code application.jar} in {@code aot-cache/<service>/}.
     */
    private static List<String> argumentsOf(Process launcher, String service) {
        return launcher.descendants().map(child -> child.info().arguments().map(List::of).orElse(List.of()))
                .filter(arguments -> arguments.stream().anyMatch(argument -> runsJarOf(argument, service)))
                .findFirst().orElseThrow(() -> new AssertionError("no process of the launcher runs the " + service));
    }

    private static boolean runsJarOf(String argument, String service) {
        Path jar = Path.of(argument);
        return argument.endsWith(".jar") && (jar.getFileName().toString().startsWith(service)
                || jar.getParent() != null && jar.getParent().endsWith(service));
    }

    private void awaitReady(Process process, Path output) {
        Awaitility.await().atMost(STARTUP.plusMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String text = Files.readString(output);
            assertThat(process.isAlive()).as("the launcher is running; its output:%n%s", text).isTrue();
            return text.contains("] ready");
        });
        process.descendants().forEach(started::add);
    }

    private static void stopAndAssertEverythingStopped(Process process, Path output, int[] ports) throws Exception {
        List<ProcessHandle> children = process.descendants().toList();
        assertThat(children).as("the two services run as child processes").hasSizeGreaterThanOrEqualTo(2);

        process.destroy(); // SIGTERM, as Ctrl-C or a service manager would

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the launcher exits").isTrue();
        assertThat(process.exitValue()).as("a JVM stopped by SIGTERM, as docs/operations.md says").isEqualTo(143);
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(Files.readString(output)).contains("stopping query-api", "stopping projector", "stopping Kafka",
                "stopping PostgreSQL", "] stopped");
        for (int port : ports) {
            assertThat(LoopbackPorts.accepts(port)).as("port %d is closed", port).isFalse();
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("x-auth-roles", "API_KEY").GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
