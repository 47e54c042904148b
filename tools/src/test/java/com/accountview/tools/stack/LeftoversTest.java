package com.accountview.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed launcher left is forgotten once none of it runs, so that a reused process id is never taken for it. */
class LeftoversTest {

    @TempDir
    Path dataDir;

    @Test
    void recordsOfProcessesThatNoLongerRunAreDeletedAndNothingIsSaid() throws Exception {
        Path services = dataDir.resolve("services.pid");
        // a process id no process has: the recorded service is gone
        Files.writeString(services, "projector " + Long.MAX_VALUE + " /nowhere/projector.jar\n");
        StringWriter said = new StringWriter();

        new Leftovers(dataDir, dataDir.resolve("postgres")).stop(new Console(new PrintWriter(said)), "an earlier run");

        assertThat(services).doesNotExist();
        assertThat(said.toString()).isEmpty();
    }
}
