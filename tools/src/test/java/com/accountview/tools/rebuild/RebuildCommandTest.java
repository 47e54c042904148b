package com.accountview.tools.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import com.accountview.tools.AccountViewTools;

class RebuildCommandTest {

    private final StringWriter out = new StringWriter();

    @Test
    void howLongToFollowARebuildIsWrittenAsEveryCommandsDurations() {
        RebuildCommand command = new RebuildCommand();

        new CommandLine(command).parseArgs("--timeout", "30m");
        assertThat(command.timeout).isEqualTo(Duration.ofMinutes(30));
        new CommandLine(command).parseArgs();
        assertThat(command.timeout).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void optionsThatContradictEachOtherAreInvalidInput() {
        assertThat(rebuild("--status", "--cancel", "--token", "t")).isEqualTo(2);

        assertThat(out.toString()).contains("--status, --cancel and --detach exclude each other");
    }

    @Test
    void aProjectorAddressWithoutHttpIsInvalidInput() {
        assertThat(rebuild("--status", "--token", "t", "--projector", "localhost:8081")).isEqualTo(2);

        assertThat(out.toString()).contains("Invalid value for option '--projector': localhost:8081 is no http(s)"
                + " address, e.g. http://localhost:8081");
    }

    @Test
    void aMissingTokenNamesTheDataDirectoryItLookedIn() {
        assertThat(rebuild("--status", "--data-dir", "/nonexistent/run-data")).isEqualTo(1);

        assertThat(out.toString()).contains("--data-dir (/nonexistent/run-data has no admin-token)");
    }

    private int rebuild(String... options) {
        CommandLine commandLine = AccountViewTools.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        String[] args = new String[options.length + 1];
        args[0] = "rebuild";
        System.arraycopy(options, 0, args, 1, options.length);
        return commandLine.execute(args);
    }
}
