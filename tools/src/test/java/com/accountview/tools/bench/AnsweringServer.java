package com.accountview.tools.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HTTP server on 127.0.0.1 for the load generator's tests: every path answered with a small
 * JSON body and the status the test chooses, after an optional delay (the service's own time per
 * request); counts its answers and its 503s. Its answers go out at once because the test JVM runs
 * with {@code sun.net.httpserver.nodelay=true} (tools/pom.xml).
 */
final class AnsweringServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();

    private AnsweringServer(ToIntFunction<String> status, long delayMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", exchange -> {
            int code = status.applyAsInt(exchange.getRequestURI().getPath());
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
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
    }

    static AnsweringServer start(ToIntFunction<String> status, long delayMillis) throws IOException {
        return new AnsweringServer(status, delayMillis);
    }

    int port() {
        return server.getAddress().getPort();
    }

    long answered() {
        return answered.get();
    }

    long unavailable() {
        return unavailable.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
