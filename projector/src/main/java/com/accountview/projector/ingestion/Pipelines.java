package com.accountview.projector.ingestion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.stereotype.Component;

import com.accountview.projector.ProjectionProperties;
import com.accountview.projector.RebuildProperties;
import com.accountview.projector.TopicsProperties;
import com.accountview.projector.generations.Generation;
import com.accountview.projector.generations.Generations;
import com.accountview.projector.generations.ProjectionVersion;
import com.accountview.projector.offsets.AssignedPartitions;
import com.accountview.projector.offsets.StoredOffsets;
import com.accountview.projector.projection.Projections;

/**
 * Keeps one {@link Pipeline} running on this instance for each generation that is to be fed: the
 * live one (unless it was built by a newer projection version than this code's) and the one a
 * rebuild is building (if this code has its projection version). It looks at the generations at
 * start-up and then every {@code accountview.rebuild.check-interval}, so every instance follows a
 * rebuild started on any of them, and a generation's consumption ends on every instance once it is
 * retired or cancelled. Each pipeline consumes in a consumer group of its generation's own,
 * {@code <spring.kafka.consumer.group-id>.g<generation>}, so instances share each generation's
 * partitions and the live pipeline never waits behind the rebuild. A rebuild consumes with its own
 * settings ({@code accountview.rebuild.concurrency} and {@code max-poll-records}); once its
 * generation is live, its pipeline is restarted with the live ones (Spring Kafka's) if they differ,
 * resuming from the generation's stored offsets. Thread-safe.
 */
@Component
public class Pipelines implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Pipelines.class);

    private final ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory;
    private final Generations generations;
    private final Projections projections;
    private final StoredOffsets offsets;
    private final ProjectionProperties projectionProperties;
    private final RebuildProperties rebuildProperties;
    private final TopicsProperties topics;
    private final MeterRegistry registry;
    private final String groupPrefix;
    private final boolean autoStartup;
    private final int projectionVersion;
    private final ConsumerSettings liveSettings;
    private final ConsumerSettings rebuildSettings;
    private final Map<Integer, Pipeline> running = new ConcurrentHashMap<>();
    private volatile List<Generation> known = List.of();
    /** The newer live generation last logged as not fed by this instance; 0 for none. */
    private int newerLiveReported;
    private volatile ScheduledExecutorService checks;
    /** Set by {@link #stop()}: no reconciliation starts pipelines after it (guarded by this). */
    private boolean stopped;

    @SuppressWarnings("unchecked")
    Pipelines(ConcurrentKafkaListenerContainerFactory<?, ?> factory, Generations generations, Projections projections,
              StoredOffsets offsets, ProjectionProperties projectionProperties, RebuildProperties rebuildProperties,
              TopicsProperties topics, MeterRegistry registry, KafkaProperties kafka,
              @Value("${spring.kafka.consumer.group-id}") String groupPrefix,
              @Value("${spring.kafka.listener.auto-startup:true}") boolean autoStartup) {
        this.factory = (ConcurrentKafkaListenerContainerFactory<byte[], byte[]>) factory;
        this.generations = generations;
        this.projections = projections;
        this.offsets = offsets;
        this.projectionProperties = projectionProperties;
        this.rebuildProperties = rebuildProperties;
        this.topics = topics;
        this.registry = registry;
        this.groupPrefix = groupPrefix;
        this.autoStartup = autoStartup;
        this.projectionVersion = rebuildProperties.projectionVersion() == null
                ? ProjectionVersion.CURRENT : rebuildProperties.projectionVersion();
        this.liveSettings = ConsumerSettings.live(kafka, factory);
        this.rebuildSettings = ConsumerSettings.rebuild(rebuildProperties);
    }

    /** The consumer group of a generation's pipeline. */
    public static String groupOf(String groupPrefix, int generation) {
        return groupPrefix + ".g" + generation;
    }

    /** The projection version this instance builds with. */
    public int projectionVersion() {
        return projectionVersion;
    }

    /**
     * Starts and stops pipelines to match the generations as the database has them now. Called on
     * schedule, and right after this instance changed a generation; keeps everything as it is while
     * the database cannot be read.
     */
    public synchronized void reconcile() {
        if (stopped) {
            // a rebuild request or a check that came during the shutdown: nothing may start again
            return;
        }
        List<Generation> all;
        try {
            all = generations.all();
        } catch (RuntimeException e) {
            log.warn("Could not read the generations; consumption goes on as it is: {}", e.toString());
            return;
        }
        known = all;
        Map<Integer, Generation> wanted = new HashMap<>();
        for (Generation generation : all) {
            if (generation.isLive() && generation.projectionVersion() > projectionVersion) {
                // once per live generation, not at every reconciliation (every 2 s)
                if (generation.id() != newerLiveReported) {
                    newerLiveReported = generation.id();
                    log.error("The live generation {} was built by projection version {}, newer than this"
                            + " projector's {}: it is not fed by this instance; deploy the newer projector",
                            generation.id(), generation.projectionVersion(), projectionVersion);
                }
            } else if (generation.isLive() || generation.isBuilding() && generation.projectionVersion() == projectionVersion) {
                wanted.put(generation.id(), generation);
            }
        }
        running.keySet().stream().filter(id -> !wanted.containsKey(id)).toList().forEach(this::stopPipeline);
        wanted.values().stream()
                .filter(generation -> running.containsKey(generation.id())
                        && !running.get(generation.id()).settings().equals(settingsOf(generation)))
                .toList().forEach(this::restartWithLiveSettings);
        wanted.values().stream().filter(generation -> !running.containsKey(generation.id())).forEach(this::startPipeline);
    }

    private ConsumerSettings settingsOf(Generation generation) {
        return generation.isBuilding() ? rebuildSettings : liveSettings;
    }

    /**
     * A rebuilt generation that went live. Stopping ends its batch in progress (committed or rolled
     * back as a whole); the new container resumes from the stored offsets after its group's
     * rebalance, a pause of the live projection once per switch.
     */
    private void restartWithLiveSettings(Generation generation) {
        log.info("Generation {} is live now: its consumption restarts with the live settings ({}) instead of the"
                + " rebuild's ({})", generation.id(), settingsOf(generation), running.get(generation.id()).settings());
        stopPipeline(generation.id());
        startPipeline(generation);
    }

    private void startPipeline(Generation generation) {
        String group = groupOf(groupPrefix, generation.id());
        AssignedPartitions partitions = AssignedPartitions.forGeneration(offsets, generation.id(), projectionProperties,
                registry);
        Pipeline pipeline = new Pipeline(generation, projections.forGeneration(generation.id(), group), partitions,
                settingsOf(generation));
        ConcurrentMessageListenerContainer<byte[], byte[]> container = factory.createContainer(topics.accounts(),
                topics.contracts());
        container.setBeanName("projector-g" + generation.id());
        ContainerProperties properties = container.getContainerProperties();
        properties.setGroupId(group);
        properties.setClientId("projector-g" + generation.id());
        properties.setMessageListener(pipeline);
        properties.setConsumerRebalanceListener(partitions);
        container.setCommonErrorHandler(partitions.errorHandler());
        pipeline.start(container);
        running.put(generation.id(), pipeline);
        log.info("Consuming into generation {} ({}) in consumer group {} with {}", generation.id(), generation.state(),
                group, pipeline.settings());
    }

    private void stopPipeline(int generation) {
        Pipeline pipeline = running.remove(generation);
        if (pipeline != null) {
            pipeline.stop();
            log.info("Stopped consuming into generation {}", generation);
        }
    }

    /** The live generation, as last read. */
    public Optional<Generation> live() {
        return known.stream().filter(Generation::isLive).findFirst();
    }

    /** The partitions of this instance's pipeline of a generation, if it runs one. */
    public Optional<AssignedPartitions> partitionsOf(int generation) {
        return Optional.ofNullable(running.get(generation)).map(Pipeline::partitions);
    }

    /** What the live generation's consumption on this instance knows of itself: what readiness is made of. */
    public Optional<AssignedPartitions.Status> liveStatus() {
        return live().flatMap(generation -> partitionsOf(generation.id())).map(AssignedPartitions::status);
    }

    @EventListener
    void onIdle(ListenerContainerIdleEvent idle) {
        Consumer<?, ?> consumer = idle.getConsumer();
        if (consumer != null) {
            running.values().stream().filter(pipeline -> pipeline.owns(idle.getListenerId())).findFirst()
                    .ifPresent(pipeline -> pipeline.partitions().idle(consumer));
        }
    }

    /** Unless Spring Kafka's {@code spring.kafka.listener.auto-startup} is false (e.g. in tests that feed the projection themselves). */
    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public synchronized void start() {
        stopped = false;
        reconcile();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "generations-check");
            thread.setDaemon(true);
            return thread;
        });
        long interval = rebuildProperties.checkInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::reconcileLogged, interval, interval, TimeUnit.MILLISECONDS);
        checks = scheduler;
    }

    private void reconcileLogged() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Could not follow the generations: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        ScheduledExecutorService scheduler = checks;
        if (scheduler != null) {
            scheduler.shutdownNow();
            checks = null;
        }
        List.copyOf(running.keySet()).forEach(this::stopPipeline);
    }

    @Override
    public boolean isRunning() {
        return checks != null;
    }

    /** Just before the rebuild supervision, which may start pipelines and so must stop first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
