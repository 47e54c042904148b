package com.accountview.tools.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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

    private int execute(String... args) {
        CommandLine commandLine = AccountViewTools.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
