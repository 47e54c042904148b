package com.accountview.tools.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Samples the resident memory ({@code VmRSS}) of the services under measurement at a fixed interval
 * on a daemon thread, so that growth shows over a run or a soak. Thread-safe.
 */
final class RssSampler implements AutoCloseable {

    /** A service's resident memory over a span, in KiB. */
    record Trend(long firstKib, long lastKib, long maxKib, int samples, long midKib) {

        /** Growth over the second half of the span, in KiB: what a leak shows after the heap settled. */
        long secondHalfGrowthKib() {
            return lastKib - midKib;
        }
    }

    private record Sample(long nanos, long kib) {
    }

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();
    private final Thread thread;
    private final long intervalMillis;

    RssSampler(Duration interval) {
        this.intervalMillis = interval.toMillis();
        this.thread = new Thread(this::sampleForever, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts (or restarts) sampling {@code service}, forgetting earlier samples under that name. */
    synchronized void watch(String service, long pid) {
        pids.put(service, pid);
        samples.put(service, new ArrayList<>());
    }

    synchronized void forget(String service) {
        pids.remove(service);
    }

    /** The samples taken since {@link #watch}, empty when there were none. */
    synchronized Optional<Trend> trend(String service) {
        List<Sample> series = samples.getOrDefault(service, List.of());
        if (series.isEmpty()) {
            return Optional.empty();
        }
        long max = series.stream().mapToLong(Sample::kib).max().orElseThrow();
        long mid = series.get(series.size() / 2).kib();
        return Optional.of(new Trend(series.get(0).kib(), series.get(series.size() - 1).kib(), max,
                series.size(), mid));
    }

    private void sampleForever() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                sampleOnce();
                Thread.sleep(intervalMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void sampleOnce() {
        long now = System.nanoTime();
        pids.forEach((service, pid) -> {
            OptionalLong rss = ProcFiles.rssKib(pid);
            if (rss.isPresent()) {
                samples.get(service).add(new Sample(now, rss.getAsLong()));
            }
        });
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
