package com.accountview.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.accountview.tools.contract.EntityTopic;
import com.accountview.tools.contract.EventTypes;
import com.accountview.tools.contract.OutgoingRecord;
import com.accountview.tools.publish.KafkaSink;
import com.accountview.tools.publish.TopicNames;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Freshness: the time from publishing an event to the answer that shows it through the API. Account
 * creations of new accounts are published at a steady rate (each with a unique external id); every
 * {@value #PROBE_EVERY}th is a probe, whose external id is then asked for through the query-api every
 * {@value #POLL_MILLIS} ms until it answers 200. The time from just before the publish to that
 * answer is the probe's freshness, so it includes up to one polling interval and one request. Not
 * thread-safe.
 */
final class Freshness {

    static final int PROBE_EVERY = 40;
    static final int POLL_MILLIS = 10;
    private static final int POLLERS = 4;
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    private static final class Probe implements Delayed {
        final String externalId;
        final long publishedNanos;
        volatile long dueNanos;

        Probe(String externalId, long publishedNanos) {
            this.externalId = externalId;
            this.publishedNanos = publishedNanos;
            this.dueNanos = publishedNanos;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Probe) other).dueNanos);
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

    /** Publishes at {@code rate} events per second for {@code duration}, then waits for the last probes. */
    Result measure(int rate, Duration duration, String label) throws InterruptedException {
        DelayQueue<Probe> pending = new DelayQueue<>();
        Histogram freshness = Latencies.microsecondsHistogram();
        AtomicLong seen = new AtomicLong();
        AtomicLong unseen = new AtomicLong();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Thread> pollers = new ArrayList<>();
        for (int i = 0; i < POLLERS; i++) {
            Thread poller = new Thread(() -> poll(http, pending, freshness, seen, unseen), "freshness-poller-" + i);
            poller.setDaemon(true);
            poller.start();
            pollers.add(poller);
        }
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
                boolean probe = published % PROBE_EVERY == 0;
                long now = System.nanoTime();
                sink.accept(created(externalId));
                published++;
                if (probe) {
                    probes++;
                    pending.add(new Probe(externalId, now));
                }
            }
        }
        double achieved = published / ((System.nanoTime() - start) / 1e9);
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (seen.get() + unseen.get() < probes && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        pollers.forEach(Thread::interrupt);
        for (Thread poller : pollers) {
            poller.join(5_000);
        }
        synchronized (freshness) {
            return new Result(Latencies.of(freshness), probes, probes - seen.get(), published, achieved);
        }
    }

    private void poll(HttpClient http, DelayQueue<Probe> pending, Histogram freshness, AtomicLong seen, AtomicLong unseen) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Probe probe = pending.take();
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + queryApiPort
                                + Endpoint.ACCOUNT.path(orgId, probe.externalId)))
                        .header("x-auth-roles", "API_KEY").timeout(Duration.ofSeconds(5)).GET().build();
                int status;
                try {
                    status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException e) {
                    status = -1;
                }
                long now = System.nanoTime();
                if (status == 200) {
                    synchronized (freshness) {
                        freshness.recordValue(Math.max(1, (now - probe.publishedNanos) / 1000));
                    }
                    seen.incrementAndGet();
                } else if (now - probe.publishedNanos > GIVE_UP.toNanos()) {
                    unseen.incrementAndGet();
                } else {
                    probe.dueNanos = now + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
                    pending.add(probe);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A new account's creation, as its upstream system would publish it. */
    private OutgoingRecord created(String externalId) {
        String id = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/bench");
        event.put("type", EventTypes.ACCOUNT_CREATED);
        event.put("time", now);
        event.put("subject", id);
        event.put("orgid", orgId);
        event.put("sequence", "1");
        event.put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data");
        data.put("account_id", id);
        data.put("external_id", externalId);
        data.put("customer_id", UUID.randomUUID().toString());
        data.put("status", "ACTIVE");
        data.put("created_at", now);
        data.put("updated_at", now);
        return OutgoingRecord.event(EntityTopic.ACCOUNTS, id, JSON.writeValueAsString(event));
    }
}
