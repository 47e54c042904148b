package com.accountview.query.warmup;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import com.accountview.query.accounts.ExternalAccountRef;
import com.accountview.query.auth.GatewayCaller;
import com.accountview.query.errors.ApiException;
import com.accountview.query.readmodel.LiveLookup;
import com.accountview.query.readmodel.ReadModel;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Before the service reports ready, it calls its own API for {@code accountview.warmup.duration}
 * over the loopback interface, through the whole request path (Tomcat, the filters, Spring
 * Security, Spring MVC, the read model, Jackson), so that the JIT compiler has compiled that path
 * before the first caller comes: a fresh JVM answered a third of its later rate in its first 30 s
 * (docs/performance.md). It runs as an {@link ApplicationRunner}, after the servers have started
 * and before Spring Boot moves readiness to {@code ACCEPTING_TRAFFIC}: the readiness probe answers
 * 503 meanwhile, liveness 200. It never fails the start-up: without a live read model, or with the
 * database unreachable, its requests are answered without the database ({@link WarmupRequests});
 * while it has no live account to ask for, it reads them again every second and asks for them as
 * soon as there are some. A request without an answer within {@link #REQUEST_TIMEOUT} (a database
 * that froze under its statement) is counted and the connection goes on; only one that cannot
 * connect, or gets no HTTP answer at all, stops.
 * Its requests are dropped from {@code http_server_requests_seconds} when it ends and the service
 * has finished serving them ({@link RequestsInFlight}), so the metric counts what callers asked.
 */
@Component
class Warmup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Warmup.class);
    /** The observation Spring MVC times every request with, {@code http_server_requests_seconds}. */
    static final String REQUESTS_METER = "http.server.requests";
    private static final int KNOWN_IDS = 64;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_AGAIN_EVERY = Duration.ofSeconds(1);

    /** Existing external ids to ask for: any live accounts, as the read model hands them out. */
    private static final LiveLookup<ExternalAccountRef> SOME_ACCOUNTS = LiveLookup.of("""
            SELECT org_id, external_id
            FROM accountview.live_account
            LIMIT %d
            """.formatted(KNOWN_IDS), row -> refOrNull(row.getString("org_id"), row.getString("external_id")));

    private final WarmupProperties properties;
    private final ReadModel readModel;
    private final GatewayCaller caller;
    private final Environment environment;
    private final ObjectProvider<MeterRegistry> meters;
    private final RequestsInFlight inFlight;
    private volatile WarmupOutcome outcome;

    Warmup(WarmupProperties properties, ReadModel readModel, GatewayCaller caller, Environment environment,
           ObjectProvider<MeterRegistry> meters, RequestsInFlight inFlight) {
        this.properties = properties;
        this.readModel = readModel;
        this.caller = caller;
        this.environment = environment;
        this.meters = meters;
        this.inFlight = inFlight;
    }

    /** The finished warm-up's outcome; null before it ended, or when it did not run. */
    WarmupOutcome outcome() {
        return outcome;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        Integer port = environment.getProperty("local.server.port", Integer.class);
        if (!properties.enabled() || port == null || port <= 0) {
            return;
        }
        WarmupRequests first = firstRequests();
        log.info("Warming up for {} with {} connections before reporting ready ({})", properties.duration(),
                properties.connections(), first.description());
        String host = environment.getProperty("server.address", "127.0.0.1");
        inFlight.startCounting();
        outcome = call(URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port),
                new AtomicReference<>(first));
        int unfinished = inFlight.stopCountingAndAwait(REQUEST_TIMEOUT);
        if (unfinished > 0) {
            log.info("{} warm-up requests are still being served; http_server_requests_seconds will count them",
                    unfinished);
        }
        meters.ifAvailable(registry -> registry.find(REQUESTS_METER).meters().forEach(registry::remove));
        log.info("Warmed up: {}", outcome.summary());
    }

    /**
     * Without the database when live accounts cannot be read, whatever the reason: the warm-up
     * never fails the start-up.
     */
    private WarmupRequests firstRequests() {
        try {
            return WarmupRequests.lookingUp(liveAccounts());
        } catch (ApiException noReadModelOrNoDatabase) {
            log.info("The warm-up read no live account ({}); it warms up without the database",
                    noReadModelOrNoDatabase.getMessage());
            return WarmupRequests.withoutTheDatabase();
        } catch (RuntimeException unexpected) {
            // e.g. a role without grants on the views: every request will say so, logged as a 500
            log.warn("The warm-up read no live account, it warms up without the database: {}", unexpected.toString());
            return WarmupRequests.withoutTheDatabase();
        }
    }

    /**
     * Reads the live accounts again, as long as the warm-up has none to ask for: on a first start
     * the projector may create the read model, or project the first accounts, while the warm-up runs.
     */
    private void readAgain(AtomicReference<WarmupRequests> requests) {
        WarmupRequests current = requests.get();
        try {
            WarmupRequests again = WarmupRequests.lookingUp(liveAccounts());
            if (again.reach().compareTo(current.reach()) > 0) {
                requests.set(again);
                log.info("The warm-up goes on with {}", again.description());
            }
        } catch (RuntimeException stillNone) {
            log.debug("The warm-up read no live account again: {}", stillNone.toString());
        }
    }

    private List<ExternalAccountRef> liveAccounts() {
        return readModel.readLive(SOME_ACCOUNTS, Map.of()).stream().filter(Objects::nonNull).toList();
    }

    private WarmupOutcome call(URI server, AtomicReference<WarmupRequests> requests) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + properties.duration().toNanos();
        AtomicLong next = new AtomicLong();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        ExecutorService callers = Executors.newFixedThreadPool(properties.connections(), task -> {
            Thread thread = new Thread(task, "warm-up");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int i = 0; i < properties.connections(); i++) {
                // each connection sends at least one request, however slow the first answers are; a
                // timed-out one goes on (the database may be frozen for a while: the next requests are
                // answered 503 at once), one that got no HTTP answer stops (a server that is not ours)
                callers.execute(() -> {
                    int status;
                    do {
                        status = get(server.resolve(requests.get().path(next.getAndIncrement())));
                        statuses.computeIfAbsent(status, any -> new LongAdder()).increment();
                    } while (status != WarmupOutcome.NO_ANSWER && System.nanoTime() < deadline
                            && !Thread.currentThread().isInterrupted());
                });
            }
        } finally {
            callers.shutdown();
        }
        // a request started just before the deadline ends within its timeout
        long giveUp = deadline + REQUEST_TIMEOUT.plusSeconds(1).toNanos();
        while (!callers.awaitTermination(READ_AGAIN_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            if (now - giveUp > 0) {
                callers.shutdownNow();
                break;
            }
            if (now - deadline < 0 && requests.get().reach() != WarmupRequests.Reach.LIVE_ACCOUNTS) {
                readAgain(requests);
            }
        }
        Map<Integer, Long> counted = new HashMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.sum()));
        return WarmupOutcome.of(counted, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * One request over a kept-alive connection: its status, {@value WarmupOutcome#TIMED_OUT} when the answer did
     * not come in time, {@value WarmupOutcome#NO_ANSWER} when it could not connect or got no HTTP answer.
     */
    private int get(URI uri) {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) REQUEST_TIMEOUT.toMillis());
            connection.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
            caller.headers().forEach(connection::setRequestProperty);
            connection.connect();
        } catch (IOException noConnection) {
            return WarmupOutcome.NO_ANSWER;
        }
        try {
            int status = connection.getResponseCode();
            // reading the body to its end lets the JDK reuse the connection for the next request
            try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return status;
        } catch (SocketTimeoutException slowAnswer) {
            return WarmupOutcome.TIMED_OUT;
        } catch (IOException noAnswer) {
            return WarmupOutcome.NO_ANSWER;
        }
    }

    private static ExternalAccountRef refOrNull(String orgId, String externalId) {
        try {
            return new ExternalAccountRef(orgId, externalId);
        } catch (RuntimeException notAnIdTheApiAccepts) {
            return null;
        }
    }
}
