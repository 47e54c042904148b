package com.accountview.projector.projection;

import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

import com.accountview.projector.TopicsProperties;
import com.accountview.projector.deadletters.DeadLetters;
import com.accountview.projector.events.EventDecoder;
import com.accountview.projector.offsets.StoredOffsets;

/** Makes the {@link Projection} of a generation of the read model. Thread-safe. */
@Component
public class Projections {

    private final Jdbi jdbi;
    private final EventDecoder decoder;
    private final BatchThreads threads;
    private final StoredOffsets offsets;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;
    private final TopicsProperties topics;

    Projections(Jdbi jdbi, EventDecoder decoder, BatchThreads threads, StoredOffsets offsets,
                DeadLetters deadLetters, MeterRegistry registry, TopicsProperties topics) {
        this.jdbi = jdbi;
        this.decoder = decoder;
        this.threads = threads;
        this.offsets = offsets;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.topics = topics;
    }

    /**
     * The projection into one generation, consumed by one consumer group.
     *
     * @param consumerGroup named in the dead letters it publishes
     */
    public Projection forGeneration(int generation, String consumerGroup) {
        return new Projection(jdbi, generation, consumerGroup, decoder, threads, offsets, deadLetters,
                new ProjectionMetrics(registry, generation), topics);
    }
}
