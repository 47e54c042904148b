package com.accountview.query.warmup;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Counts the requests in flight while the warm-up runs. It runs outside Spring MVC's
 * {@code ServerHttpObservationFilter} (ordered {@code HIGHEST_PRECEDENCE + 1}), which records a
 * request's timer only after the body has reached the client: the warm-up removes its timers once
 * the count is back to zero, or the last ones would be recorded again after it removed them. Out of
 * the warm-up it only reads a flag. Thread-safe.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestsInFlight implements Filter {

    private static final long POLL_MILLIS = 5;

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean counting;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!counting) {
            chain.doFilter(request, response);
            return;
        }
        inFlight.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Counts every request that starts from now on. */
    void startCounting() {
        counting = true;
    }

    /**
     * Counts no more requests, and waits until the counted ones have ended.
     *
     * @return how many of them had still not ended after {@code atMost}
     */
    int stopCountingAndAwait(Duration atMost) throws InterruptedException {
        counting = false;
        long giveUp = System.nanoTime() + atMost.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() - giveUp < 0) {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        return inFlight.get();
    }
}
