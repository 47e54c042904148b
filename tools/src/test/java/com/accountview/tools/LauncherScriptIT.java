package com.accountview.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./accountview} script hands the tools jar the name it was called by, so that what the
 * commands print names the command people type, and runs it in the caller's directory. Needs the
 * tools jar built (the reactor packages it before this module's integration tests).
 */
class LauncherScriptIT {

    private static final Path SCRIPT = Path.of("..", "accountview").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @Test
    void invalidInputPointsToTheHelpOfTheScriptAsItWasCalled() throws Exception {
        Path output = temp.resolve("rebuild.out");
        Process rebuild = new ProcessBuilder("bash", SCRIPT.toString(), "rebuild", "--no-build", "--timeout", "5")
                .directory(SCRIPT.getParent().toFile()).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();

        assertThat(rebuild.waitFor(1, TimeUnit.MINUTES)).as("the command ends").isTrue();
        assertThat(rebuild.exitValue()).as(Files.readString(output)).isEqualTo(2);
        assertThat(Files.readString(output))
                .contains("'5' is no duration")
                .contains("See '" + SCRIPT + " rebuild --help'.")
                .doesNotContain("accountview-tools");
    }

    @Test
    void relativePathsMeanWhatTheCallerSeesNotTheRepository() throws Exception {
        Path output = temp.resolve("generate.out");
        Process generate = new ProcessBuilder("bash", SCRIPT.toString(), "generate", "--no-build", "--accounts", "1",
                "--out", "relative-events.jsonl")
                .directory(temp.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();

        assertThat(generate.waitFor(1, TimeUnit.MINUTES)).as("the command ends").isTrue();
        assertThat(generate.exitValue()).as(Files.readString(output)).isZero();
        assertThat(temp.resolve("relative-events.jsonl")).isNotEmptyFile();
        assertThat(SCRIPT.getParent().resolve("relative-events.jsonl")).doesNotExist();
    }

    /**
     * {@code -} as people pipe it, between two real processes: generate's standard output carries the
     * events and nothing else (publish finds every line valid), what it says goes to standard error.
     */
    @Test
    void generateWritesToAPipeThatPublishReads() throws Exception {
        Path output = temp.resolve("publish.out");
        Path said = temp.resolve("generate.err");
        Process pipeline = new ProcessBuilder("bash", "-c", "set -o pipefail; \"$0\" generate --no-build --accounts 3 "
                + "-o - 2>generate.err | \"$0\" publish --no-build -f - --dry-run", SCRIPT.toString())
                .directory(temp.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();

        assertThat(pipeline.waitFor(1, TimeUnit.MINUTES)).as("the commands end").isTrue();
        assertThat(pipeline.exitValue()).as(Files.readString(output) + Files.readString(said)).isZero();
        Matcher generated = Pattern.compile("^generated ([0-9,]+) records .* to standard output$", Pattern.MULTILINE)
                .matcher(Files.readString(said));
        assertThat(generated.find()).as(Files.readString(said)).isTrue();
        assertThat(Files.readString(output)).contains(generated.group(1) + " lines, 0 invalid: nothing published");
        assertThat(temp.resolve("-")).as("a file named -").doesNotExist();
    }
}
