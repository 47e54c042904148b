package com.accountview.projector.rebuild;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

import com.accountview.projector.generations.Generation;
import com.accountview.projector.generations.Generations;
import com.accountview.projector.generations.RebuildAlreadyRunningException;
import com.accountview.projector.ingestion.Pipelines;

/**
 * Starts, cancels and reports rebuilds: the operations behind {@code /actuator/rebuild} and
 * {@code ./accountview rebuild}. A rebuild started here is followed by every projector instance
 * (each joins the new generation's consumer group within its check interval); the switch is made
 * by whichever instance finds it caught up first. Thread-safe.
 */
@Component
public class Rebuilds {

    /** Whether a rebuild needs the topics' whole history, or may go on from what retention left. */
    public enum History {
        REQUIRE_COMPLETE,
        ALLOW_INCOMPLETE
    }

    private final Generations generations;
    private final Pipelines pipelines;
    private final TopicBeginnings beginnings;
    private volatile RebuildProgress lastProgress;

    Rebuilds(Generations generations, Pipelines pipelines, TopicBeginnings beginnings) {
        this.generations = generations;
        this.pipelines = pipelines;
        this.beginnings = beginnings;
    }

    /**
     * Starts a rebuild into a new generation, from the beginning of the topics.
     *
     * @param history whether the topics must still hold every record (they must, unless the caller
     *                accepts a generation without what deleted records said)
     * @throws RebuildAlreadyRunningException if one runs already
     * @throws OlderProjectionVersionException if this projector's projection is older than the live generation's
     * @throws IncompleteHistoryException if the history is required and a partition no longer begins at offset 0
     * @throws UnableToReadTopicsException if the history is required and the broker did not say where they begin
     */
    public Generation start(String requestedBy, History history) {
        Optional<Generation> live = generations.live();
        if (live.isPresent() && live.get().projectionVersion() > pipelines.projectionVersion()) {
            throw new OlderProjectionVersionException(pipelines.projectionVersion(), live.get());
        }
        if (history == History.REQUIRE_COMPLETE) {
            Map<TopicPartition, Long> pastZero = beginnings.pastZero();
            if (!pastZero.isEmpty()) {
                throw new IncompleteHistoryException(pastZero);
            }
        }
        Generation started = generations.startBuilding(pipelines.projectionVersion(), requestedBy);
        pipelines.reconcile();
        return started;
    }

    /**
     * Cancels the running rebuild, dropping its generation; the live one is untouched. Empty if none
     * ran, or if it went live before the cancel took hold (the switch and the cancel race; the
     * database decides which one wins).
     */
    public Optional<Generation> cancel() {
        Optional<Generation> building = generations.building();
        if (building.isEmpty() || !generations.cancel(building.get().id())) {
            return Optional.empty();
        }
        pipelines.reconcile();
        return building;
    }

    /**
     * The live generation and the rebuild, both from one read of the generations: read apart, a
     * switch committed in between would show the old generation live and no rebuild, as if the
     * rebuild had been cancelled.
     */
    public RebuildStatus status() {
        return RebuildStatus.of(generations.all(), lastProgress, pipelines.projectionVersion());
    }

    /**
     * Forgets the last measurement when its generation did not go live (it was cancelled, here or on
     * another instance), so that status and metrics stop showing it as running.
     *
     * @return whether there was such a measurement
     */
    boolean forgetCancelled() {
        RebuildProgress last = lastProgress;
        if (last == null || pipelines.live().map(live -> live.id() == last.generation()).orElse(false)) {
            return false;
        }
        lastProgress = null;
        return true;
    }

    /** The supervision's latest measurement, for status, logs and metrics. */
    void measured(RebuildProgress progress) {
        lastProgress = progress;
    }

    Optional<RebuildProgress> lastProgress() {
        return Optional.ofNullable(lastProgress);
    }
}
