package com.accountview.tools.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.accountview.contract.CloudEvent;
import com.accountview.contract.EntityKind;
import com.accountview.contract.EventType;
import com.accountview.tools.contract.OutgoingRecord;
import com.accountview.tools.publish.KafkaSink;
import com.accountview.tools.publish.TopicNames;
import org.HdrHistogram.Histogram;

/**
 * Freshness: the time from publishing an event to the answer that shows it through the API. Account
 * creations of new accounts are published at a steady rate (each with a unique external id); every
 * {@value #PROBE_EVERY}th is a probe, whose external id is then asked for through the query-api until
 * it answers 200: one request in flight per probe, the next one {@value #POLL_MILLIS} ms after the
 * previous one started (or as soon as it returned, if it took longer), so that a slow answer never
 * queues the other probes behind it. A probe's freshness is the time from just before its publish to
 * the arrival of that 200: it includes up to one polling interval and one request. Not thread-safe.
 */
final class Freshness {

    static final int PROBE_EVERY = 40;
    static final int POLL_MILLIS = 10;
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    /**
     * One measurement.
     *
     * @param latencies freshness of the probes that showed up
     * @param probes probes published
     * @param unseen probes not visible within 30 s
     * @param published events published
     * @param achievedRate events per second actually published
     */
    record Result(Latencies latencies, long probes, long unseen, long published, double achievedRate) {
    }

    /** The probes' polling: one request in flight per probe. Thread-safe. */
    private final class Polling {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "freshness-polling");
            thread.setDaemon(true);
            return thread;
        });
        final Histogram freshness = Latencies.microsecondsHistogram();
        final AtomicLong seen = new AtomicLong();
        final AtomicLong unseen = new AtomicLong();

        void poll(String externalId, long publishedNanos) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + queryApiPort
                            + Endpoint.ACCOUNT.path(orgId, externalId)))
                    .header("x-auth-roles", "API_KEY").timeout(Duration.ofSeconds(10)).GET().build();
            long sent = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                if (response != null && response.statusCode() == 200) {
                    synchronized (freshness) {
                        freshness.recordValue(Math.max(1, (now - publishedNanos) / 1000));
                    }
                    seen.incrementAndGet();
                } else if (now - publishedNanos > GIVE_UP.toNanos()) {
                    unseen.incrementAndGet();
                } else if (!scheduler.isShutdown()) {
                    long wait = Math.max(0, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS) - (now - sent));
                    scheduler.schedule(() -> poll(externalId, publishedNanos), wait, TimeUnit.NANOSECONDS);
                }
            });
        }

        Latencies latencies() {
            synchronized (freshness) {
                return Latencies.of(freshness);
            }
        }
    }

    private final String bootstrapServers;
    private final TopicNames topics;
    private final int queryApiPort;
    private final String orgId;

    Freshness(String bootstrapServers, TopicNames topics, int queryApiPort, String orgId) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.queryApiPort = queryApiPort;
        this.orgId = orgId;
    }

    /**
     * Publishes {@code count} events as fast as the producer goes, none of them a probe: a projector
     * just started gets its code compiled before a measurement, as the projection of the history
     * did for the first one.
     */
    void burst(int count, String label) {
        try (KafkaSink sink = new KafkaSink(bootstrapServers, topics, Map.of())) {
            for (int i = 0; i < count; i++) {
                sink.accept(created(label + "-" + i));
            }
        }
    }

    /** Publishes at {@code rate} events per second for {@code duration}, then waits for the last probes. */
    Result measure(int rate, Duration duration, String label) {
        Polling polling = new Polling();
        long published = 0;
        long probes = 0;
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        long end = start + duration.toNanos();
        // linger 0: a record leaves as soon as it is sent, as a latency-minded producer would do
        try (KafkaSink sink = new KafkaSink(bootstrapServers, topics, Map.of("linger.ms", "0"))) {
            for (long next = start; next < end; next += interval) {
                LockSupport.parkNanos(next - System.nanoTime());
                String externalId = label + "-" + published;
                long now = System.nanoTime();
                sink.accept(created(externalId));
                if (published % PROBE_EVERY == 0) {
                    probes++;
                    polling.poll(externalId, now);
                }
                published++;
            }
        }
        double achieved = published / ((System.nanoTime() - start) / 1e9);
        long deadline = System.nanoTime() + GIVE_UP.plusSeconds(10).toNanos();
        while (polling.seen.get() + polling.unseen.get() < probes && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        polling.scheduler.shutdownNow();
        return new Result(polling.latencies(), probes, probes - polling.seen.get(), published, achieved);
    }

    /** A new account's creation, as its upstream system would publish it. */
    private OutgoingRecord created(String externalId) {
        UUID id = UUID.randomUUID();
        String now = Instant.now().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account_id", id.toString());
        data.put("external_id", externalId);
        data.put("customer_id", UUID.randomUUID().toString());
        data.put("status", "ACTIVE");
        data.put("created_at", now);
        data.put("updated_at", now);
        CloudEvent event = CloudEvent.of(EventType.ACCOUNT_CREATED, UUID.randomUUID().toString(), "/bench", now, id,
                orgId, "1", data);
        return OutgoingRecord.event(EntityKind.ACCOUNT, id.toString(), event.structuredJson());
    }
}
