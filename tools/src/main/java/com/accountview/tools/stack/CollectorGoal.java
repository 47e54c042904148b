package com.accountview.tools.stack;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The projector's garbage-collection goal. The projector is a throughput job: under G1's default
 * goal (at most 1/13 of the time in collections, {@code -XX:GCTimeRatio=12}) its heap stayed near
 * 250 MB of the 512 allowed, a young collection came every 0.3 s, the records of the batches in
 * flight overflowed the survivor space into the old generation, and the concurrent cycles that
 * followed made the collector's share of the projection's CPU vary from one run to the next. With a
 * goal of 2% ({@code -XX:GCTimeRatio=49}) G1 grows the heap sooner: in the benchmark the collector's
 * threads spent about half as much per million events, for about 170 MB more peak RSS
 * (docs/performance.md, "The projector's garbage collector"). Added after the projector's JVM
 * options (and the benchmark's plain loop's, which is compared with it) unless they give a ratio or
 * another collector; the projector's container image sets the same (docs/operations.md). Stateless.
 */
public final class CollectorGoal {

    static final String OPTION = "-XX:GCTimeRatio=";
    /** At most 1/(1 + 49) = 2% of the time in collections. */
    static final int RATIO = 49;
    private static final Pattern OTHER_COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC");
    private static final String G1 = "-XX:+UseG1GC";

    private CollectorGoal() {
    }

    /**
     * {@code jvmOptions}, with {@code -XX:GCTimeRatio=49} after them unless they give a ratio or choose a
     * collector other than G1 (whose goals differ: the parallel collector's default is 99).
     */
    public static List<String> forProjector(List<String> jvmOptions) {
        boolean otherCollector = jvmOptions.stream()
                .anyMatch(option -> OTHER_COLLECTOR.matcher(option).matches() && !option.equals(G1));
        return otherCollector ? List.copyOf(jvmOptions) : JvmOptions.withDefault(jvmOptions, OPTION, RATIO);
    }
}
