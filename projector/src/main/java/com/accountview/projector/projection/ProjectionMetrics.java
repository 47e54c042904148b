package com.accountview.projector.projection;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.accountview.projector.events.EntityEvent;

/**
 * The Micrometer meters of one generation's projection, tagged {@code generation}, recorded only
 * for committed batches:
 * {@code accountview.projector.events} (by {@code type} and {@code outcome}),
 * {@code accountview.projector.batch.size}, {@code accountview.projector.batch.apply},
 * {@code accountview.projector.freshness} (now minus event time at apply) and
 * {@code accountview.projector.redelivered}. Thread-safe.
 */
final class ProjectionMetrics {

    private static final EventOutcome[] OUTCOMES = EventOutcome.values();

    private final MeterRegistry registry;
    private final String generation;
    private final Clock clock;
    private final DistributionSummary batchSize;
    private final Timer applyTime;
    private final Timer freshness;
    private final Counter redelivered;
    private final Map<List<String>, Counter> events = new ConcurrentHashMap<>();

    ProjectionMetrics(MeterRegistry registry, int generation) {
        this.registry = registry;
        this.generation = String.valueOf(generation);
        this.clock = Clock.systemUTC();
        batchSize = DistributionSummary.builder("accountview.projector.batch.size")
                .description("Records per consumed batch").baseUnit("records").tag("generation", this.generation)
                .publishPercentileHistogram().register(registry);
        applyTime = Timer.builder("accountview.projector.batch.apply")
                .description("Time to apply one batch in one transaction, dead letters included")
                .tag("generation", this.generation)
                .publishPercentileHistogram().register(registry);
        freshness = Timer.builder("accountview.projector.freshness")
                .description("Now minus the event's upstream time, when the event is applied")
                .tag("generation", this.generation)
                .publishPercentileHistogram().register(registry);
        redelivered = Counter.builder("accountview.projector.redelivered")
                .description("Records skipped because the stored offsets show them applied already")
                .tag("generation", this.generation)
                .register(registry);
    }

    /** Removes these meters, when the generation's consumption ends. */
    void close() {
        List.of(batchSize, applyTime, freshness, redelivered).forEach(registry::remove);
        events.values().forEach(registry::remove);
        events.clear();
    }

    private Counter eventCounter(List<String> typeAndOutcome) {
        return Counter.builder("accountview.projector.events")
                .description("Consumed events by type and outcome")
                .tag("type", typeAndOutcome.get(0))
                .tag("outcome", typeAndOutcome.get(1))
                .tag("generation", generation)
                .register(registry);
    }

    void record(BatchResult result, Duration elapsed) {
        batchSize.record(result.outcomes().size() + result.alreadyApplied());
        applyTime.record(elapsed);
        redelivered.increment(result.alreadyApplied());
        long now = clock.millis();
        // counted per batch: one counter update per type and outcome instead of one per record
        Map<String, long[]> counts = new HashMap<>();
        for (RecordOutcome outcome : result.outcomes()) {
            counts.computeIfAbsent(outcome.type(), type -> new long[OUTCOMES.length])[outcome.outcome().ordinal()]++;
            if (outcome.outcome() == EventOutcome.APPLIED
                    && outcome.event() instanceof EntityEvent.Versioned versioned) {
                // an upstream clock ahead of ours would give a negative age: count it as fresh
                freshness.record(Math.max(0, now - versioned.metadata().time().toEpochMilli()), TimeUnit.MILLISECONDS);
            }
        }
        counts.forEach((type, byOutcome) -> {
            for (EventOutcome outcome : OUTCOMES) {
                if (byOutcome[outcome.ordinal()] > 0) {
                    events.computeIfAbsent(List.of(type, outcome.tag()), this::eventCounter)
                            .increment(byOutcome[outcome.ordinal()]);
                }
            }
        });
    }
}
