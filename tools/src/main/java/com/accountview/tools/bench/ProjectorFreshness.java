package com.accountview.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The projector's own account of freshness: its {@code accountview.projector.freshness} timer (now
 * minus the event's time, when the batch that applied it has committed), as the cumulative buckets of
 * its Prometheus histogram on {@code /actuator/prometheus}, summed over its tags. Two readings'
 * difference holds exactly the events applied in between, so that the benchmark can tell the
 * projector's part of publish-to-visible from the rest (the query-api, the polling). Quantiles are
 * the upper bounds of the buckets that hold them: Micrometer's buckets are about a quarter apart.
 * Immutable.
 *
 * @param cumulative events at or under each bucket's upper bound, in seconds (the last one infinite)
 */
record ProjectorFreshness(NavigableMap<Double, Long> cumulative) {

    static final String METRIC = "accountview_projector_freshness_seconds";
    /** No reading: no events. */
    static final ProjectorFreshness NONE = new ProjectorFreshness(new TreeMap<>());
    private static final Pattern BUCKET = Pattern.compile(
            "^" + METRIC + "_bucket\\{(?:[^}]*,)?le=\"([^\"]+)\"[^}]*}\\s+(\\S+)", Pattern.MULTILINE);

    ProjectorFreshness {
        cumulative = Collections.unmodifiableNavigableMap(new TreeMap<>(cumulative));
    }

    /** The histogram in a Prometheus text exposition; empty if it has none (nothing applied yet). */
    static ProjectorFreshness parse(String exposition) {
        NavigableMap<Double, Long> buckets = new TreeMap<>();
        Matcher bucket = BUCKET.matcher(exposition);
        while (bucket.find()) {
            double upperBound = bucket.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bucket.group(1));
            buckets.merge(upperBound, Math.round(Double.parseDouble(bucket.group(2))), Long::sum);
        }
        return new ProjectorFreshness(buckets);
    }

    /** Reads the projector's histogram now, from its Actuator on 127.0.0.1. */
    static ProjectorFreshness read(int projectorPort) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + projectorPort + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("the projector's /actuator/prometheus answered " + answer.statusCode());
        }
        return parse(answer.body());
    }

    /** The events counted since {@code earlier}, a reading of the same projector. */
    ProjectorFreshness since(ProjectorFreshness earlier) {
        NavigableMap<Double, Long> difference = new TreeMap<>();
        cumulative.forEach((upperBound, count) -> difference.put(upperBound, count - earlier.cumulative.getOrDefault(upperBound, 0L)));
        return new ProjectorFreshness(difference);
    }

    /** Events in the histogram. */
    long count() {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /**
     * The upper bound, in milliseconds, of the bucket holding the {@code quantile}: at least that share
     * of the events was applied within it. NaN when there are none; infinite when it lies past the
     * largest finite bucket.
     */
    double upperBoundMillis(double quantile) {
        long count = count();
        if (count == 0) {
            return Double.NaN;
        }
        long needed = Math.max(1, (long) Math.ceil(quantile * count));
        for (Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= needed) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
