package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import com.accountview.tools.stack.LoopbackPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load generator against a small HTTP server on loopback that answers each endpoint with a
 * status of its own: what counts as an error, and a load that ends when told (the rebuild's).
 */
class HttpLoadTest {

    private static final KeyRange KEYS = new KeyRange("telco", 1, 1000);

    private AnsweringServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void itEndsWhenToldAndCountsEveryAnswerOtherThan200Or404AsAnError() throws IOException {
        server = AnsweringServer.start(path -> path.endsWith("/contracts") ? 503 : path.endsWith("/active") ? 404 : 200, 0);

        LoadWindow window = new HttpLoad(server.port()).run(Arrivals.closedLoop(4), Duration.ofMinutes(2), () -> server.answered() >= 100, KEYS,
                HttpLoad.EndpointChoice.inTurn());

        assertThat(window.elapsed()).isLessThan(Duration.ofMinutes(1));
        assertThat(window.statuses()).containsKeys(200, 404, 503);
        assertThat(window.errors()).as("every 503 the server sent").isPositive().isEqualTo(server.unavailable());
    }

    @Test
    void connectionsThatCannotBeOpenedAreCountedAsErrorsAndTheLoadGoesOn() throws IOException {
        int nobodyListens = LoopbackPorts.free(1)[0];

        LoadWindow window = new HttpLoad(nobodyListens).run(Arrivals.closedLoop(3), Duration.ofMillis(500), KEYS,
                HttpLoad.EndpointChoice.inTurn());

        assertThat(window.completed()).isZero();
        assertThat(window.errors()).as("refused connections, tried again every 100 ms").isBetween(3L, 3L * 10);
    }

    @Test
    void anOpenLoopSendsAtItsRateAndNotFaster() throws IOException {
        server = AnsweringServer.start(path -> 200, 0);

        LoadWindow window = new HttpLoad(server.port()).run(new Arrivals(200, 4), Duration.ofSeconds(2), KEYS,
                HttpLoad.EndpointChoice.inTurn());

        // 400 requests due on average; a Poisson count's standard deviation is 20
        assertThat(window.completed()).isBetween(320L, 480L);
        assertThat(window.errors()).isZero();
        assertThat(window.lateness().count()).as("its own delays in sending, each measured").isPositive();
    }

    @Test
    void inAnOpenLoopARequestThatWaitedForItsConnectionCountsFromWhenItWasDue() throws IOException {
        server = AnsweringServer.start(path -> 200, 20);
        int port = server.port();

        LoadWindow closed = new HttpLoad(port).run(Arrivals.closedLoop(1), Duration.ofSeconds(1), KEYS, HttpLoad.EndpointChoice.inTurn());
        // twice what one connection to a 20 ms service can answer: the requests fall further and further behind
        LoadWindow open = new HttpLoad(port).run(new Arrivals(100, 1), Duration.ofSeconds(1), KEYS,
                HttpLoad.EndpointChoice.inTurn());

        assertThat(closed.latencies().p50()).as("closed loop: the service's own time").isLessThan(60.0);
        assertThat(closed.lateness()).as("a closed loop has no schedule to be late for").isEqualTo(Latencies.NONE);
        assertThat(open.latencies().p50()).as("open loop: the service's time and the wait behind the earlier requests")
                .isGreaterThan(100.0);
        assertThat(open.completed()).isLessThan(70);
    }
}
