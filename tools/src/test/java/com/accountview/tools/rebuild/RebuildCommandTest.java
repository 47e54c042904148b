package com.accountview.tools.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RebuildCommandTest {

    @Test
    void howLongToFollowARebuildIsWrittenAsEveryCommandsDurations() {
        RebuildCommand command = new RebuildCommand();

        new CommandLine(command).parseArgs("--timeout", "30m");
        assertThat(command.timeout).isEqualTo(Duration.ofMinutes(30));
        new CommandLine(command).parseArgs();
        assertThat(command.timeout).isEqualTo(Duration.ofHours(24));
    }
}
