package com.accountview.tools.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The launcher's HTTP checks against the services, and its one way of waiting. Thread-safe. */
public final class Http {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The status of a GET with the gateway role header the query-api expects by default; -1 if unreachable. */
    public int status(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json").header("x-auth-roles", "API_KEY").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Polls {@code condition} until it holds; fails when {@code deadline} passes (naming the limit that set
     * it) or {@code stillWorthWaiting} turns false (a service died).
     */
    public static void await(String what, Deadline deadline, BooleanSupplier stillWorthWaiting, BooleanSupplier condition)
            throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (!stillWorthWaiting.getAsBoolean()) {
                throw new LocalRunException("gave up waiting for " + what);
            }
            if (deadline.passed()) {
                throw new LocalRunException("timed out waiting for " + what + " " + deadline.limit());
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }
}
