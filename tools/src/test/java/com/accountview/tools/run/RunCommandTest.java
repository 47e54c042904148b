package com.accountview.tools.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.accountview.tools.AccountViewTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code run} refuses before it starts anything. */
class RunCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();

    @Test
    void resetRefusesToDeleteADirectoryTheLauncherDidNotMake() throws IOException {
        Path checkout = someoneElsesDirectory();

        int exitCode = run("--reset", "--data-dir", checkout.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString()).contains("error: " + checkout + " is not empty and is not a data directory of "
                + "./accountview run", "nothing in it was changed");
        assertUntouched(checkout);
    }

    @Test
    void aNonEmptyDirectoryTheLauncherDidNotMakeIsNotUsedAsDataDirectory() throws IOException {
        Path checkout = someoneElsesDirectory();

        int exitCode = run("--data-dir", checkout.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString()).contains("error: " + checkout + " is not empty and is not a data directory");
        assertUntouched(checkout);
    }

    @Test
    void aFileIsNotADataDirectory() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "keep me");

        int exitCode = run("--reset", "--data-dir", file.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString()).contains("error: " + file + " is not a directory");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void impossibleValuesAreInvalidInputNamingTheirOptionBeforeAnythingStarts() throws IOException {
        Path dataDir = temp.resolve("never-made");

        assertThat(run("--http-port", "70000", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(run("--partitions", "0", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(run("--demo-accounts", "-1", "--data-dir", dataDir.toString())).isEqualTo(2);

        assertThat(out.toString())
                .contains("Invalid value for option '--http-port': 70000 is no port (1 to 65535)")
                .contains("Invalid value for option '--partitions': 0: a topic needs at least 1 partition")
                .contains("Invalid value for option '--demo-accounts': -1 is negative")
                .doesNotContain("error:");
        assertThat(dataDir).as("nothing was started or made").doesNotExist();
    }

    @Test
    void theDataDirectoryAndTheJarsAreInTheRepositoryTheScriptNamesElseInTheCurrentDirectory() {
        RunCommand alone = new RunCommand();
        new CommandLine(alone).parseArgs();
        assertThat(alone.projectDir).isEqualTo(Path.of("."));
        assertThat(alone.dataDir).isEqualTo(Path.of("./.run-data"));

        String before = System.setProperty("accountview.project-dir", "/opt/accountview");
        try {
            RunCommand viaScript = new RunCommand();
            new CommandLine(viaScript).parseArgs();
            assertThat(viaScript.projectDir).isEqualTo(Path.of("/opt/accountview"));
            assertThat(viaScript.dataDir).isEqualTo(Path.of("/opt/accountview/.run-data"));
        } finally {
            if (before == null) {
                System.clearProperty("accountview.project-dir");
            } else {
                System.setProperty("accountview.project-dir", before);
            }
        }
    }

    @Test
    void theStartupTimeoutIsWrittenAsEveryCommandsDurations() {
        RunCommand command = new RunCommand();

        new CommandLine(command).parseArgs("--startup-timeout", "10s");
        assertThat(command.startupTimeout).isEqualTo(Duration.ofSeconds(10));
        new CommandLine(command).parseArgs("--startup-timeout", "PT2M");
        assertThat(command.startupTimeout).isEqualTo(Duration.ofMinutes(2));
        new CommandLine(command).parseArgs();
        assertThat(command.startupTimeout).isEqualTo(Duration.ofMinutes(5));
    }

    private Path someoneElsesDirectory() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("checkout"));
        Files.writeString(directory.resolve("README.md"), "# keep me");
        Files.createDirectories(directory.resolve(".git"));
        Files.writeString(directory.resolve(".git").resolve("HEAD"), "ref: refs/heads/main");
        return directory;
    }

    private static void assertUntouched(Path checkout) throws IOException {
        assertThat(Files.readString(checkout.resolve("README.md"))).isEqualTo("# keep me");
        assertThat(Files.readString(checkout.resolve(".git").resolve("HEAD"))).isEqualTo("ref: refs/heads/main");
        try (var files = Files.list(checkout)) {
            assertThat(files).as("nothing was added").hasSize(2);
        }
    }

    /** Runs {@code run} with a project directory without jars: should it get past its checks, it stops there. */
    private int run(String... options) throws IOException {
        Path noJars = Files.createDirectories(temp.resolve("project-without-jars"));
        CommandLine commandLine = AccountViewTools.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        String[] args = new String[options.length + 3];
        args[0] = "run";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = "--project-dir";
        args[options.length + 2] = noJars.toString();
        return commandLine.execute(args);
    }
}
