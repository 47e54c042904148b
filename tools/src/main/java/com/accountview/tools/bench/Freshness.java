package com.accountview.tools.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
 * it answers 200. A probe's freshness is the time from just before its publish to the arrival of that
 * 200: it includes up to one polling interval and one request.
 *
 * <p>The polling asks, per partition of the topic, for the oldest probe of that partition not seen
 * yet, one blocking request at a time, the next one {@value #POLL_MILLIS} ms after the previous one
 * started (or as soon as it returned, if it took longer); once it answers 200, the partition's next
 * probe is asked for at once. A partition is applied in offset order, so a probe cannot be visible
 * before the older probes of its partition, and asking for it earlier would only add load: the
 * requests in flight are thus bounded by the partitions, whatever the freshness. (One request in
 * flight per unseen probe, as before, grew with the freshness it measured, up to hundreds of
 * concurrent requests on two cores, which slowed the projector it was measuring.) A probe made
 * visible by the same batch as the older one before it is seen one request later than it could
 * have been. Blocking {@link HttpURLConnection} requests on keep-alive connections: the JDK's
 * asynchronous HttpClient added a few milliseconds of thread hand-offs to every answer on a busy
 * machine. Not thread-safe.
 */
final class Freshness {

    static final int PROBE_EVERY = 40;
    static final int POLL_MILLIS = 10;
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final int REQUEST_TIMEOUT_MILLIS = 10_000;
    private static final int SLOWEST_SHOWN = 5;

    /**
     * One measurement.
     *
     * @param latencies freshness of the probes that showed up
     * @param probes probes published
     * @param unseen probes not visible within 30 s
     * @param published events published
     * @param achievedRate events per second actually published
     * @param slowest the slowest probes, slowest first: whether the tail is at the start (a cold
     *        path) or spread over the window (pauses, a busy machine) tells where to look
     * @param inProjector the projector's own account of the window's events (event time to applied),
     *        empty until {@link #withInProjector} gives it
     */
    record Result(Latencies latencies, long probes, long unseen, long published, double achievedRate,
                  List<SlowProbe> slowest, ServiceHistogram inProjector) {

        Result withInProjector(ServiceHistogram window) {
            return new Result(latencies, probes, unseen, published, achievedRate, slowest, window);
        }
    }

    /** A probe's freshness and when it was published, counted from the start of the window. */
    record SlowProbe(Duration publishedAt, Duration freshness) {
    }

    /** A probe published at {@code publishedNanos} ({@link System#nanoTime()}). */
    private record Probe(String externalId, long publishedNanos) {
    }

    /** The probes' polling: a thread per partition, asking for its oldest unseen probe. Thread-safe. */
    private final class Polling {
        final List<BlockingQueue<Probe>> unseenPerPartition = new ArrayList<>();
        final List<Thread> pollers = new ArrayList<>();
        final Histogram freshness = Latencies.microsecondsHistogram();
        final List<SlowProbe> seenProbes = new ArrayList<>();
        final long start;
        final AtomicLong seen = new AtomicLong();
        final AtomicLong unseen = new AtomicLong();

        Polling(int partitions, long start) {
            this.start = start;
            for (int partition = 0; partition < partitions; partition++) {
                BlockingQueue<Probe> queue = new LinkedBlockingQueue<>();
                unseenPerPartition.add(queue);
                Thread poller = new Thread(() -> pollInTurn(queue), "freshness-polling-" + partition);
                poller.setDaemon(true);
                pollers.add(poller);
                poller.start();
            }
        }

        void probe(int partition, Probe probe) {
            unseenPerPartition.get(partition).add(probe);
        }

        void stop() {
            pollers.forEach(Thread::interrupt);
        }

        private void pollInTurn(BlockingQueue<Probe> queue) {
            try {
                while (true) {
                    pollUntilSeen(queue.take());
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }

        private void pollUntilSeen(Probe probe) {
            URI uri = URI.create("http://127.0.0.1:" + queryApiPort + Endpoint.ACCOUNT.path(orgId, probe.externalId()));
            while (!Thread.currentThread().isInterrupted()) {
                long sent = System.nanoTime();
                boolean found = answers200(uri);
                long now = System.nanoTime();
                if (found) {
                    synchronized (freshness) {
                        freshness.recordValue(Math.max(1, (now - probe.publishedNanos()) / 1000));
                        seenProbes.add(new SlowProbe(Duration.ofNanos(probe.publishedNanos() - start),
                                Duration.ofNanos(now - probe.publishedNanos())));
                    }
                    seen.incrementAndGet();
                    return;
                }
                if (now - probe.publishedNanos() > GIVE_UP.toNanos()) {
                    unseen.incrementAndGet();
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS) - (now - sent));
            }
        }

        /** One GET, its body read to the end so that the connection is kept alive for the next one. */
        private boolean answers200(URI uri) {
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setRequestProperty("x-auth-roles", "API_KEY");
                connection.setConnectTimeout(REQUEST_TIMEOUT_MILLIS);
                connection.setReadTimeout(REQUEST_TIMEOUT_MILLIS);
                int status = connection.getResponseCode();
                try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                    if (body != null) {
                        body.transferTo(OutputStream.nullOutputStream());
                    }
                }
                return status == 200;
            } catch (IOException notNow) {
                return false; // asked again after the interval, like any other answer but 200
            }
        }

        Latencies latencies() {
            synchronized (freshness) {
                return Latencies.of(freshness);
            }
        }

        List<SlowProbe> slowest(int count) {
            synchronized (freshness) {
                return seenProbes.stream().sorted(Comparator.comparing(SlowProbe::freshness).reversed()).limit(count)
                        .toList();
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
        long published = 0;
        long probes = 0;
        long interval = 1_000_000_000L / rate;
        // linger 0: a record leaves as soon as it is sent, as a latency-minded producer would do
        try (KafkaSink sink = new KafkaSink(bootstrapServers, topics, Map.of("linger.ms", "0"))) {
            long start = System.nanoTime();
            Polling polling = new Polling(sink.partitionCount(EntityKind.ACCOUNT), start);
            try {
                long end = start + duration.toNanos();
                for (long next = start; next < end; next += interval) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    String externalId = label + "-" + published;
                    OutgoingRecord record = created(externalId);
                    long now = System.nanoTime();
                    sink.accept(record);
                    if (published % PROBE_EVERY == 0) {
                        probes++;
                        polling.probe(sink.partitionOf(record), new Probe(externalId, now));
                    }
                    published++;
                }
                double achieved = published / ((System.nanoTime() - start) / 1e9);
                long deadline = System.nanoTime() + GIVE_UP.plusSeconds(10).toNanos();
                while (polling.seen.get() + polling.unseen.get() < probes && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                }
                return new Result(polling.latencies(), probes, probes - polling.seen.get(), published, achieved,
                        polling.slowest(SLOWEST_SHOWN), ServiceHistogram.NONE);
            } finally {
                polling.stop();
            }
        }
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
