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
 * A service's own account of a time, as the cumulative buckets of one of its Prometheus histograms on
 * {@code /actuator/prometheus}, summed over the series a {@link Series} selects: the projector's
 * freshness (now minus the event's time, when the batch that applied it has committed), the
 * query-api's request times (from its first filter to the written answer). Two readings'
 * difference holds exactly what was timed in between, so that the benchmark can tell a service's part
 * of a time measured from outside from the rest (the polling, the queue before the service's worker
 * threads, the load generator, the scheduler). Quantiles are the upper bounds of the buckets that hold
 * them: Micrometer's buckets are about a quarter apart. Immutable.
 *
 * @param cumulative timings at or under each bucket's upper bound, in seconds (the last one infinite)
 */
record ServiceHistogram(NavigableMap<Double, Long> cumulative) {

    /** Which series of an exposition to sum: a histogram's Prometheus name, and a label its series must hold. */
    enum Series {

        /** The projector's {@code accountview.projector.freshness}, over every generation. */
        PROJECTOR_FRESHNESS("accountview_projector_freshness_seconds", ""),
        /** The query-api's {@code http.server.requests} of the API's endpoints (not the scrapes of its management port). */
        API_REQUESTS("http_server_requests_seconds", "uri=\"/v4/");

        private final Pattern bucketLine;
        private final String label;

        Series(String metric, String label) {
            // label values may hold braces themselves (the query-api's uri templates): a value is read as a quoted string
            this.bucketLine = Pattern.compile("^" + Pattern.quote(metric)
                    + "_bucket\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)}\\s+(\\S+)", Pattern.MULTILINE);
            this.label = label;
        }
    }

    /** No reading: nothing timed. */
    static final ServiceHistogram NONE = new ServiceHistogram(new TreeMap<>());
    private static final Pattern LE = Pattern.compile("(?:^|,)le=\"([^\"]+)\"");

    ServiceHistogram {
        cumulative = Collections.unmodifiableNavigableMap(new TreeMap<>(cumulative));
    }

    /** The series' histogram in a Prometheus text exposition; empty if it has none (nothing timed yet). */
    static ServiceHistogram parse(String exposition, Series series) {
        NavigableMap<Double, Long> buckets = new TreeMap<>();
        Matcher bucket = series.bucketLine.matcher(exposition);
        while (bucket.find()) {
            String labels = bucket.group(1);
            Matcher le = LE.matcher(labels);
            if (!le.find() || !labels.contains(series.label)) {
                continue;
            }
            double upperBound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
            buckets.merge(upperBound, Math.round(Double.parseDouble(bucket.group(2))), Long::sum);
        }
        return new ServiceHistogram(buckets);
    }

    /** Reads the series now, through {@code client}, from the Actuator on 127.0.0.1:{@code managementPort}. */
    static ServiceHistogram read(HttpClient client, int managementPort, Series series) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("/actuator/prometheus on port " + managementPort + " answered " + answer.statusCode());
        }
        return parse(answer.body(), series);
    }

    /** What was timed since {@code earlier}, a reading of the same series of the same service. */
    ServiceHistogram since(ServiceHistogram earlier) {
        NavigableMap<Double, Long> difference = new TreeMap<>();
        cumulative.forEach((upperBound, count) -> difference.put(upperBound, count - earlier.cumulative.getOrDefault(upperBound, 0L)));
        return new ServiceHistogram(difference);
    }

    /** Timings in the histogram. */
    long count() {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /**
     * The upper bound, in milliseconds, of the bucket holding the {@code quantile}: at least that share
     * of the timings was within it. NaN when there are none; infinite when it lies past the largest
     * finite bucket.
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
