package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

import com.accountview.tools.run.LoopbackPorts;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load generator against a small HTTP server on loopback that answers each endpoint with a
 * status of its own: what counts as an error, and a load that ends when told (the rebuild's).
 */
class HttpLoadTest {

    private static final KeyRange KEYS = new KeyRange("telco", 1, 1000);

    static {
        // the JDK's server writes an answer's headers and body apart: without TCP_NODELAY each answer waits
        // for the client's delayed ACK (40 ms), which would hide the timing these tests assert; read once,
        // when the first server starts (this is the module's only test that starts one)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }

    @Test
    void itEndsWhenToldAndCountsEveryAnswerOtherThan200Or404AsAnError() throws IOException {
        AtomicLong answered = new AtomicLong();
        AtomicLong unavailable = new AtomicLong();
        int port = serve(path -> path.endsWith("/contracts") ? 503 : path.endsWith("/active") ? 404 : 200,
                answered, unavailable);

        LoadWindow window = new HttpLoad(port).run(Arrivals.closedLoop(4), Duration.ofMinutes(2), () -> answered.get() >= 100, KEYS,
                HttpLoad.EndpointChoice.inTurn());

        assertThat(window.elapsed()).isLessThan(Duration.ofMinutes(1));
        assertThat(window.statuses()).containsKeys(200, 404, 503);
        assertThat(window.errors()).as("every 503 the server sent").isPositive().isEqualTo(unavailable.get());
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
        int port = serve(path -> 200, new AtomicLong(), new AtomicLong());

        LoadWindow window = new HttpLoad(port).run(new Arrivals(200, 4), Duration.ofSeconds(2), KEYS,
                HttpLoad.EndpointChoice.inTurn());

        // 400 requests due on average; a Poisson count's standard deviation is 20
        assertThat(window.completed()).isBetween(320L, 480L);
        assertThat(window.errors()).isZero();
        assertThat(window.lateness().count()).as("its own delays in sending, each measured").isPositive();
    }

    @Test
    void inAnOpenLoopARequestThatWaitedForItsConnectionCountsFromWhenItWasDue() throws IOException {
        int port = serve(path -> 200, new AtomicLong(), new AtomicLong(), 20);

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

    /** Answers {@code status(path)} with a small JSON body; returns its port. */
    private int serve(ToIntFunction<String> status, AtomicLong answered, AtomicLong unavailable)
            throws IOException {
        return serve(status, answered, unavailable, 0);
    }

    /** Answers {@code status(path)} with a small JSON body after {@code delayMillis}; returns its port. */
    private int serve(ToIntFunction<String> status, AtomicLong answered, AtomicLong unavailable, long delayMillis)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", exchange -> {
            int code = status.applyAsInt(exchange.getRequestURI().getPath());
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis); // the service's own time per request
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (code == 503) {
                unavailable.incrementAndGet();
            }
            answered.incrementAndGet();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
        return server.getAddress().getPort();
    }
}
