package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcpdump (skipped where it is not on the PATH; .ci/run installs it) capturing a real HTTP server on
 * loopback while the benchmark's load generator queries it.
 */
class WireCaptureIT {

    private static final long SERVER_MILLIS = 20;

    private AnsweringServer server;

    @TempDir
    Path directory;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyExchangeIsTimedOnTheWireAndTheFilesAreGone() throws Exception {
        Optional<Path> tcpdump = Executables.onPath("tcpdump");
        assumeTrue(tcpdump.isPresent(), "no tcpdump on the PATH");
        server = AnsweringServer.start(path -> 200, SERVER_MILLIS);
        int port = server.port();

        WireCapture capture = WireCapture.start(tcpdump.get(), port, directory, "window");
        LoadWindow window = new HttpLoad(port).run(Arrivals.closedLoop(2), Duration.ofSeconds(1),
                new KeyRange("telco", 1, 1000), HttpLoad.EndpointChoice.inTurn());
        WireCapture.Result onTheWire = capture.stop();

        assertThat(window.completed()).isGreaterThan(20);
        assertThat(onTheWire.latencies().count()).as("each answer the load generator got, and those of the two requests"
                + " in flight when it stopped").isBetween(window.completed(), window.completed() + 2);
        assertThat(onTheWire.latencies().p50()).isBetween((double) SERVER_MILLIS, window.latencies().p50());
        assertThat(onTheWire.droppedPackets()).isZero();
        assertThat(directory).as("neither the capture nor tcpdump's log is left").isEmptyDirectory();
    }
}
