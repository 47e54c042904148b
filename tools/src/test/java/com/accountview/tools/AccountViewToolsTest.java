package com.accountview.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class AccountViewToolsTest {

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    @Test
    void invalidValueIsReportedWithoutTheWholeUsage() {
        int exit = run(AccountViewTools.commandLine(), "rebuild", "--timeout", "5");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("Invalid value for option '--timeout': '5' is no duration")
                .contains("See 'accountview-tools rebuild --help'.")
                .doesNotContain("Usage:");
    }

    @Test
    void mistypedOptionIsReportedWithWhatWasMeant() {
        int exit = run(AccountViewTools.commandLine(), "bench", "--run", "2");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("Unknown options: '--run', '2'")
                .contains("Possible solutions: --runs")
                .contains("See 'accountview-tools bench --help'.")
                .doesNotContain("Usage:");
    }

    @Test
    void usageAndHintsNameTheCommandTheLauncherWasCalledBy() {
        CommandLine named = AccountViewTools.commandLine("./accountview");

        assertThat(run(named, "rebuild", "--timeout", "5")).isEqualTo(2);
        assertThat(run(named, "rebuild", "--help")).isZero();

        assertThat(err.toString()).contains("See './accountview rebuild --help'.")
                .doesNotContain("accountview-tools");
        assertThat(out.toString()).contains("Usage: ./accountview rebuild ")
                .doesNotContain("accountview-tools");
    }

    private int run(CommandLine commandLine, String... args) {
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));
        return commandLine.execute(args);
    }
}
