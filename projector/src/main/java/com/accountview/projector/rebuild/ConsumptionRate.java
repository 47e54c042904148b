package com.accountview.projector.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A rebuild's records consumed per second lately: since the newest earlier measurement that is at
 * least {@link #WINDOW} old (or the first, while all are younger), which smooths the batches'
 * rhythm. After a gap in the measurements (a broker that did not answer for a while), the rate is
 * thus taken over the gap: the generation was measured twice, so its rate is known. Not thread-safe:
 * one instance, used by the rebuild's supervision thread.
 */
final class ConsumptionRate {

    static final Duration WINDOW = Duration.ofSeconds(30);

    private record Measurement(int generation, Instant at, long consumed) {
    }

    private final List<Measurement> recent = new ArrayList<>();

    /** Records the measurement, and returns the rate since an earlier one; 0 until measured twice. */
    double measured(int generation, Instant at, long consumed) {
        recent.removeIf(earlier -> earlier.generation() != generation);
        while (recent.size() > 1 && isWindowOld(recent.get(1), at)) {
            recent.remove(0);
        }
        double rate = recent.isEmpty() ? 0 : rateSince(recent.get(0), at, consumed);
        recent.add(new Measurement(generation, at, consumed));
        return rate;
    }

    private static boolean isWindowOld(Measurement earlier, Instant now) {
        return Duration.between(earlier.at(), now).compareTo(WINDOW) >= 0;
    }

    private static double rateSince(Measurement earlier, Instant now, long consumed) {
        double seconds = Duration.between(earlier.at(), now).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : (consumed - earlier.consumed()) / seconds;
    }
}
