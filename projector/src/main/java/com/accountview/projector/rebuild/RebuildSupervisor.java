package com.accountview.projector.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.accountview.projector.RebuildProperties;
import com.accountview.projector.TopicsProperties;
import com.accountview.projector.generations.Generation;
import com.accountview.projector.generations.GenerationSwitch;
import com.accountview.projector.generations.Generations;
import com.accountview.projector.generations.RebuildAlreadyRunningException;
import com.accountview.projector.ingestion.Pipelines;

/**
 * Sees a rebuild through, on every instance, every {@code accountview.rebuild.check-interval}:
 * starts one by itself once, when this projector's projection version is newer than the live
 * generation's; measures the running rebuild's progress (status, log, metrics
 * {@code accountview.projector.rebuild.*}); once it has caught up, has its indexes built, its
 * partitions attached and makes it live ({@link GenerationSwitch}); and drops the partitions of
 * generations retired longer ago than the retention. Every step is safe to run on several
 * instances at once and to repeat after a crash. Runs on a thread of its own.
 */
@Component
class RebuildSupervisor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RebuildSupervisor.class);
    /** How long a stop waits for a tick in progress. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Generations generations;
    private final GenerationSwitch generationSwitch;
    private final Rebuilds rebuilds;
    private final Pipelines pipelines;
    private final RebuildProperties properties;
    private final KafkaAdmin kafkaAdmin;
    private final Jdbi jdbi;
    private final TopicsProperties topics;
    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Long> lagByTopic = new ConcurrentHashMap<>();
    private final boolean autoStartup;
    private volatile ScheduledExecutorService ticks;
    /** Made on the tick thread, closed by {@link #stop()} once the ticks have ended. */
    private volatile ProgressMeter meter;
    private volatile Admin admin;
    private boolean versionChecked;
    private Instant lastLogged = Instant.EPOCH;

    RebuildSupervisor(Generations generations, GenerationSwitch generationSwitch, Rebuilds rebuilds, Pipelines pipelines,
                      RebuildProperties properties, KafkaAdmin kafkaAdmin, Jdbi jdbi, TopicsProperties topics,
                      MeterRegistry registry, @Value("${spring.kafka.listener.auto-startup:true}") boolean autoStartup) {
        this.generations = generations;
        this.generationSwitch = generationSwitch;
        this.rebuilds = rebuilds;
        this.pipelines = pipelines;
        this.properties = properties;
        this.kafkaAdmin = kafkaAdmin;
        this.jdbi = jdbi;
        this.topics = topics;
        this.registry = registry;
        this.autoStartup = autoStartup;
    }

    void tick() {
        try {
            startOnNewerVersion();
            Optional<Generation> building = generations.building();
            if (building.isPresent() && building.get().projectionVersion() == pipelines.projectionVersion()) {
                seeThrough(building.get());
            } else if (building.isEmpty() && rebuilds.forgetCancelled()) {
                lagByTopic.clear(); // the metrics say no rebuild runs, not the cancelled one's last measurement
            }
            generations.dropRetired(properties.retiredRetention());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Rebuild supervision failed this time, tries again in {}: {}", properties.checkInterval(),
                    e.toString());
        }
    }

    /** Once per process: a deploy with a newer projection version starts the rebuild it needs. */
    private void startOnNewerVersion() {
        if (versionChecked) {
            return;
        }
        Optional<Generation> live = generations.live();
        if (live.isPresent() && live.get().projectionVersion() < pipelines.projectionVersion()
                && generations.building().isEmpty()) {
            try {
                rebuilds.start("projection version " + pipelines.projectionVersion() + " (live generation "
                        + live.get().id() + " has version " + live.get().projectionVersion() + ")",
                        Rebuilds.History.REQUIRE_COMPLETE);
            } catch (RebuildAlreadyRunningException raced) {
                log.info("Another instance started the rebuild for the new projection version first");
            } catch (IncompleteHistoryException incomplete) {
                // not retried: the history will not come back; an operator decides
                log.error("Projection version {} needs a rebuild, and the live generation {} (version {}) keeps"
                                + " serving until one goes live: {}", pipelines.projectionVersion(), live.get().id(),
                        live.get().projectionVersion(), incomplete.getMessage());
            }
        }
        versionChecked = true;
    }

    private void seeThrough(Generation building) throws Exception {
        RebuildProgress progress = meter().measure(building.id());
        rebuilds.measured(progress);
        progress.lag().forEach(lagByTopic::put);
        logEvery(progress);
        if (progress.totalLag() > properties.switchMaxLag()) {
            return;
        }
        if (building.indexedAt() == null && !generations.indexAndAttach(building.id())) {
            return; // cancelled meanwhile
        }
        Optional<Generation> live = generations.live();
        if (live.isPresent()) {
            GenerationSwitch.Outcome outcome = generationSwitch.trySwitch(live.get().id(), building.id(),
                    properties.switchWait());
            if (outcome == GenerationSwitch.Outcome.SWITCHED) {
                log.info("Rebuild done: generation {} is live ({} events applied, {} records consumed)", building.id(),
                        progress.eventsApplied(), progress.recordsConsumed());
                pipelines.reconcile();
            }
        }
    }

    private void logEvery(RebuildProgress progress) {
        if (pipelines.partitionsOf(progress.generation()).isEmpty()
                || progress.measuredAt().isBefore(lastLogged.plus(properties.progressLogInterval()))) {
            return;
        }
        lastLogged = progress.measuredAt();
        log.info("Rebuild of generation {}: {} events applied, {} records consumed, lag {} ({} in all), {} records/s,"
                        + " {} left", progress.generation(), progress.eventsApplied(), progress.recordsConsumed(),
                progress.lag(), progress.totalLag(), Math.round(progress.recordsPerSecond()),
                progress.etaSeconds() < 0 ? "time unknown" : progress.etaSeconds() + " s");
    }

    private ProgressMeter meter() {
        if (meter == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
            meter = new ProgressMeter(jdbi, admin, topics, clock);
        }
        return meter;
    }

    private void registerMetrics() {
        Gauge.builder("accountview.projector.rebuild.running", rebuilds,
                        r -> r.lastProgress().isPresent() && isBuilding(r.lastProgress().get().generation()) ? 1 : 0)
                .description("1 while a rebuild runs").register(registry);
        Gauge.builder("accountview.projector.rebuild.generation", rebuilds,
                        r -> r.lastProgress().map(RebuildProgress::generation).orElse(0))
                .description("The generation the last measured rebuild builds").register(registry);
        Gauge.builder("accountview.projector.rebuild.events.applied", rebuilds,
                        r -> r.lastProgress().map(RebuildProgress::eventsApplied).orElse(0L))
                .description("Events the rebuild applied so far").register(registry);
        Gauge.builder("accountview.projector.rebuild.records.consumed", rebuilds,
                        r -> r.lastProgress().map(RebuildProgress::recordsConsumed).orElse(0L))
                .description("Records the rebuild consumed so far").register(registry);
        Gauge.builder("accountview.projector.rebuild.rate", rebuilds,
                        r -> r.lastProgress().map(RebuildProgress::recordsPerSecond).orElse(0.0))
                .description("Records per second the rebuild consumed lately").baseUnit("records").register(registry);
        Gauge.builder("accountview.projector.rebuild.eta", rebuilds,
                        r -> r.lastProgress().map(RebuildProgress::etaSeconds).orElse(-1L))
                .description("Seconds until the rebuild catches up at its recent rate; -1 unknown").baseUnit("seconds")
                .register(registry);
        for (String topic : new String[] {topics.accounts(), topics.contracts()}) {
            Gauge.builder("accountview.projector.rebuild.lag", lagByTopic, lags -> lags.getOrDefault(topic, 0L))
                    .description("Records the rebuild has left to consume").tag("topic", topic).register(registry);
        }
    }

    private boolean isBuilding(int generation) {
        return pipelines.live().map(live -> live.id() != generation).orElse(true);
    }

    /** Not where consumption does not start by itself either ({@code spring.kafka.listener.auto-startup}). */
    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public void start() {
        registerMetrics();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rebuild-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.checkInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
        ticks = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = ticks;
        if (scheduler != null) {
            scheduler.shutdownNow();
            ticks = null;
            try {
                // a tick in progress may be starting or stopping pipelines: let it end before the admin goes
                scheduler.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Admin client = admin;
        if (client != null) {
            // a progress measurement the broker never answered is abandoned, not waited for (60 s)
            client.close(Duration.ZERO);
        }
    }

    @Override
    public boolean isRunning() {
        return ticks != null;
    }

    /** Starts after the pipelines, and stops before them: it must not start pipelines during shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
