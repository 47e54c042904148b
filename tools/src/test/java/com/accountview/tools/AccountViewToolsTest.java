package com.accountview.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class AccountViewToolsTest {

    private final StringWriter err = new StringWriter();

    @Test
    void invalidValueIsReportedWithoutTheWholeUsage() {
        int exit = run("rebuild", "--timeout", "5");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("Invalid value for option '--timeout': '5' is no duration")
                .contains("See 'accountview-tools rebuild --help'.")
                .doesNotContain("Usage:");
    }

    @Test
    void mistypedOptionIsReportedWithWhatWasMeant() {
        int exit = run("bench", "--run", "2");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("Unknown options: '--run', '2'")
                .contains("Possible solutions: --runs")
                .contains("See 'accountview-tools bench --help'.")
                .doesNotContain("Usage:");
    }

    @Test
    void usageAndHintsNameTheCommandTheLauncherWasCalledBy() {
        StringWriter out = new StringWriter();
        CommandLine named = AccountViewTools.commandLine("./accountview");
        named.setErr(new PrintWriter(err, true));
        named.setOut(new PrintWriter(out, true));

        assertThat(named.execute("rebuild", "--timeout", "5")).isEqualTo(2);
        assertThat(named.execute("rebuild", "--help")).isZero();

        assertThat(err.toString()).contains("See './accountview rebuild --help'.")
                .doesNotContain("accountview-tools");
        assertThat(out.toString()).contains("Usage: ./accountview rebuild ")
                .doesNotContain("accountview-tools");
    }

    private int run(String... args) {
        CommandLine commandLine = AccountViewTools.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
