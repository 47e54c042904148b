package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import com.accountview.tools.AccountViewTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class BenchCommandTest {

    @TempDir
    Path temp;

    @Test
    void aTakenPortIsRefusedBeforeAnythingStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter out = new StringWriter();
            CommandLine commandLine = AccountViewTools.commandLine();
            commandLine.setOut(new PrintWriter(out));

            int exitCode = commandLine.execute("bench", "--quick", "--data-dir", temp.resolve("data").toString(),
                    "--kafka-port", String.valueOf(taken.getLocalPort()));

            assertThat(exitCode).isEqualTo(1);
            assertThat(out.toString()).contains("error: cannot start:", "port " + taken.getLocalPort()
                    + " is in use: choose another with --kafka-port").doesNotContain("starting PostgreSQL");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --runs                       | 0          | 0 is below 1
            --accounts                   | 0          | 0 is below 1
            --contracts-per-account      | -1         | -1 is below 0
            --partitions                 | 0          | 0 is below 1
            --connections                | 16,0       | 0 is below 1
            --open-loop-rates            | 0          | 0 is below 1
            --rebuild-connections        | -1         | -1 is below 0
            --freshness-rate             | 0          | 0 is below 1
            --freshness-rate             | 2000000000 | 2000000000 is above 1000000000, one event a nanosecond
            --http-port                  | 70000      | 70000 is no port (1 to 65535)
            --projector-port             | 0          | 0 is no port (1 to 65535)
            --query-window               | 0s         | 0s is no length of time (above 0)
            --startup-window             | PT-1S      | -1s is no length of time (above 0)
            --warmup                     | PT-1S      | -1s is negative
            --freshness-window           | 0s         | 0s is no length of time (above 0)
            --soak                       | 0s         | 0s is no length of time (above 0)
            --timeout                    | 0s         | 0s is no length of time (above 0)
            """)
    void anImpossibleValueIsInvalidInputNamingItsOptionBeforeAnythingStarts(String option, String value, String why)
            throws IOException {
        Path dataDir = temp.resolve("never-made");
        // were the value accepted, the benchmark would stop at this port instead of starting PostgreSQL
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter out = new StringWriter();
            CommandLine commandLine = AccountViewTools.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(out, true));

            int exitCode = commandLine.execute("bench", "--quick", "--data-dir", dataDir.toString(),
                    "--project-dir", temp.toString(), "--kafka-port", String.valueOf(taken.getLocalPort()), option, value);

            assertThat(exitCode).isEqualTo(2);
            assertThat(out.toString()).contains("Invalid value for option '" + option + "': " + why)
                    .doesNotContain("error:");
            assertThat(dataDir).as("nothing was started or made").doesNotExist();
        }
    }

    @Test
    void theDefaultsAreTheFullBenchmark() {
        BenchSettings settings = parse();

        assertThat(settings.runs()).isEqualTo(3);
        assertThat(settings.accounts()).isEqualTo(250_000);
        assertThat(settings.partitions()).isEqualTo(3);
        assertThat(settings.connections()).containsExactly(16, 64);
        assertThat(settings.rebuildConnections()).as("a light load during the rebuild").isEqualTo(2);
        assertThat(settings.startupWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.freshnessRate()).isEqualTo(1000);
        assertThat(settings.soak()).isEmpty();
    }

    @Test
    void quickShrinksWhatWasNotGivenAndKeepsWhatWas() {
        BenchSettings settings = parse("--quick", "--accounts", "2000");

        assertThat(settings.runs()).isEqualTo(1);
        assertThat(settings.accounts()).isEqualTo(2000);
        assertThat(settings.queryWindow()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.startupWindow()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.connections()).as("every row of the table stays").containsExactly(16, 64);
    }

    @Test
    void openLoopRatesAddLoadsAtTheHighestConcurrencyAfterTheClosedLoops() {
        assertThat(parse().queryLoads()).as("none by default")
                .containsExactly(Arrivals.closedLoop(16), Arrivals.closedLoop(64));
        assertThat(parse("--open-loop-rates", "2000,4000").queryLoads()).containsExactly(Arrivals.closedLoop(16),
                Arrivals.closedLoop(64), new Arrivals(2000, 64), new Arrivals(4000, 64));
        assertThatThrownBy(() -> parse("--open-loop-rates", "0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timingOnTheWireIsAskedFor() {
        assertThat(parse().wireLatency()).as("off by default: it needs tcpdump and the right to capture").isFalse();
        assertThat(parse("--wire-latency").wireLatency()).isTrue();
    }

    @Test
    void durationsAreWrittenTheShortWayOrInIso8601() {
        assertThat(parse("--soak", "10m").soak()).hasValue(Duration.ofMinutes(10));
        assertThat(parse("--soak", "PT10M").soak()).hasValue(Duration.ofMinutes(10));
    }

    @Test
    void theRebuildsQueryLoadIsAnOptionOfItsOwn() {
        assertThat(parse("--rebuild-connections", "16").rebuildConnections()).isEqualTo(16);
        assertThat(parse("--rebuild-connections", "0").rebuildConnections()).as("none").isZero();
        assertThatThrownBy(() -> parse("--rebuild-connections", "-1")).isInstanceOf(IllegalArgumentException.class);
    }

    private static BenchSettings parse(String... arguments) {
        BenchCommand command = new BenchCommand();
        CommandLine commandLine = new CommandLine(command);
        commandLine.parseArgs(arguments);
        return command.settings();
    }
}
