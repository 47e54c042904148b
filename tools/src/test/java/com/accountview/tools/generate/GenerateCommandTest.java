package com.accountview.tools.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    private int execute(String... args) {
        CommandLine commandLine = AccountViewTools.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
