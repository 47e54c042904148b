package com.accountview.query.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

class RequestsInFlightTest {

    private final RequestsInFlight requests = new RequestsInFlight();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    /** A request whose serving goes on until it is released. */
    private final FilterChain held = (request, response) -> {
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    };

    private CompletableFuture<Void> serve(FilterChain chain) throws Exception {
        CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
            try {
                requests.doFilter(null, null, chain);
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        });
        assertThat(entered.await(5, TimeUnit.SECONDS)).as("the request is being served").isTrue();
        return served;
    }

    @Test
    void aRequestCountedDuringTheWarmupIsAwaitedUntilItEnds() throws Exception {
        requests.startCounting();
        CompletableFuture<Void> served = serve(held);

        assertThat(requests.stopCountingAndAwait(Duration.ofMillis(50))).as("still being served").isEqualTo(1);
        release.countDown();
        served.get(5, TimeUnit.SECONDS);
        assertThat(requests.stopCountingAndAwait(Duration.ofSeconds(5))).isZero();
    }

    @Test
    void requestsOutsideTheWarmupAreNotCounted() throws Exception {
        CompletableFuture<Void> served = serve(held);

        assertThat(requests.stopCountingAndAwait(Duration.ZERO)).isZero();
        release.countDown();
        served.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRequestThatFailsIsNoLongerCounted() throws Exception {
        requests.startCounting();
        FilterChain failing = (request, response) -> {
            entered.countDown();
            throw new IllegalStateException("the request failed");
        };
        CompletableFuture<Void> served = serve(failing);

        assertThat(served).failsWithin(Duration.ofSeconds(5));
        assertThat(requests.stopCountingAndAwait(Duration.ZERO)).isZero();
    }
}
