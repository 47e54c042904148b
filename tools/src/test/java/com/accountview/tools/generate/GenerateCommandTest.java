package com.accountview.tools.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import com.accountview.tools.AccountViewTools;

class GenerateCommandTest {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    /** The process's standard output while a command writes to it: where - writes. */
    private final ByteArrayOutputStream standardOutput = new ByteArrayOutputStream();

    @Test
    void publishingToABrokerThatDoesNotAnswerIsToldInOneLine() {
        assertThat(execute("generate", "--accounts", "3", "--publish", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: no Kafka broker answers at 127.0.0.1:1 (waited 10 s; check "
                + "--bootstrap-servers, and that Kafka runs)" + System.lineSeparator());
    }

    @Test
    void theSameFileForOutAndReferenceIsInvalidInput() {
        Path file = directory.resolve("events.jsonl");

        assertThat(execute("generate", "--accounts", "3", "--out", file.toString(),
                "--reference", directory.resolve(".").resolve("events.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("--out and --reference name the same file (" + file + ")");
        assertThat(file).doesNotExist();
    }

    @Test
    void aDashOutWritesTheEventsToStandardOutputAndWhatTheCommandSaysToStandardError() throws IOException {
        Path file = directory.resolve("events.jsonl");
        assertThat(execute("generate", "--accounts", "3", "--out", file.toString())).isZero();
        String counts = out.toString().substring(0, out.toString().indexOf(" into ")); // "generated 26 records (…)"
        out.getBuffer().setLength(0);

        assertThat(executeWriting("generate", "--accounts", "3", "-o", "-")).as(err.toString()).isZero();

        assertThat(standardOutput.toString(StandardCharsets.UTF_8))
                .as("the events, in UTF-8 (a product is \"M\u00f3vel 50 GB\")").isEqualTo(Files.readString(file));
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo(counts + " to standard output" + System.lineSeparator());
        assertThat(Path.of("-")).as("a file named -").doesNotExist();
    }

    @Test
    void aDashReferenceWritesTheStateToStandardOutput() throws IOException {
        Path reference = directory.resolve("state.jsonl");
        assertThat(execute("generate", "--accounts", "3", "--out", directory.resolve("a.jsonl").toString(),
                "--reference", reference.toString())).isZero();

        assertThat(executeWriting("generate", "--accounts", "3", "--out", directory.resolve("b.jsonl").toString(),
                "--reference", "-")).as(err.toString()).isZero();

        assertThat(standardOutput.toString(StandardCharsets.UTF_8)).isEqualTo(Files.readString(reference));
        assertThat(out.toString()).as("the command's output, after the first run's").hasLineCount(1);
        assertThat(err.toString()).startsWith("generated ").endsWith(" into " + directory.resolve("b.jsonl")
                + System.lineSeparator());
        assertThat(Path.of("-")).as("a file named -").doesNotExist();
    }

    @Test
    void aDashForBothOutAndReferenceIsInvalidInput() {
        assertThat(executeWriting("generate", "--accounts", "3", "--out", "-", "--reference", "-")).isEqualTo(2);

        assertThat(err.toString()).startsWith("--out and --reference are both - (standard output): the events and "
                + "the state would mix; write one of them to a file").contains("See 'accountview-tools generate --help'.");
        assertThat(standardOutput.size()).isZero();
        assertThat(Path.of("-")).as("a file named -").doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--accounts|-5|Invalid value for option '--accounts': -5 is negative",
            "--contracts-per-account|-1|Invalid value for option '--contracts-per-account': -1 is negative",
            "--duplicates|1.5|Invalid value for option '--duplicates': 1.5 is no share between 0 and 1",
            "--out-of-order|-0.1|Invalid value for option '--out-of-order': -0.1 is no share between 0 and 1",
            "--start|9999-12-01T00:00:00Z|Invalid value for option '--start': 9999-12-01T00:00:00Z is outside 0001-01-01T00:00:00Z to 9979-12-31T00:00:00Z"})
    void aValueOutOfRangeIsInvalidInputNamingTheOption(String option, String value, String message) {
        String[] args = option.equals("--accounts")
                ? new String[] {"generate", option, value, "--out", directory.resolve("e.jsonl").toString()}
                : new String[] {"generate", "--accounts", "3", option, value, "--out", directory.resolve("e.jsonl").toString()};

        assertThat(execute(args)).isEqualTo(2);
        assertThat(err.toString()).startsWith(message).contains("See 'accountview-tools generate --help'.");
    }

    @Test
    void theHelpNamesEveryValueOnce() {
        assertThat(execute("generate", "--help")).isZero();

        // picocli adds a split option's own "[,...]" to its label: a label of "ORG[,ORG...]" showed it twice
        assertThat(out.toString()).contains("[--orgs=ORG[,ORG...]]...", "--seed=N").doesNotContain("<seed>",
                "[,ORG[,ORG...]...]");
    }

    /** The command with {@link #standardOutput} as the process's standard output, its own put back afterwards. */
    private int executeWriting(String... args) {
        PrintStream processOutput = System.out;
        System.setOut(new PrintStream(standardOutput, true, StandardCharsets.UTF_8));
        try {
            return execute(args);
        } finally {
            System.setOut(processOutput);
        }
    }

    private int execute(String... args) {
        CommandLine commandLine = AccountViewTools.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
