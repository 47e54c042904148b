package com.accountview.projector.health;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import com.accountview.projector.ProjectionProperties;
import com.accountview.projector.offsets.AssignedPartitions;

/**
 * {@code projection} health, part of the readiness group. UP only when this instance has joined
 * its consumer group, every assigned partition is positioned at its stored offset with its lag
 * measured and at most {@code accountview.projection.ready-max-lag}, and batches succeed; DOWN
 * while they fail (the database is unreachable, for instance: the records are consumed again from
 * the stored offsets, never skipped). Never waits for anything: it reads the last known state.
 */
class ProjectionHealthIndicator implements HealthIndicator {

    private final Supplier<Optional<AssignedPartitions.Status>> status;
    private final ProjectionProperties properties;

    /** @param status the live generation's consumption on this instance, empty when it runs none */
    ProjectionHealthIndicator(Supplier<Optional<AssignedPartitions.Status>> status, ProjectionProperties properties) {
        this.status = status;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Optional<AssignedPartitions.Status> live = status.get();
        if (live.isEmpty()) {
            return Health.down().withDetail("reason", "this instance consumes no live generation (see the log)").build();
        }
        AssignedPartitions.Status current = live.get();
        Map<String, Long> lag = current.lag().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue));
        Health.Builder health = Health.up();
        if (!current.assigned()) {
            health = Health.down().withDetail("reason", "waiting for the consumer group to assign partitions");
        } else if (lag.containsValue(AssignedPartitions.UNKNOWN_LAG)) {
            health = Health.down().withDetail("reason",
                    "some assigned partition not positioned at its stored offset or its lag not measured yet");
        } else if (lag.values().stream().anyMatch(records -> records > properties.readyMaxLag())) {
            health = Health.down().withDetail("reason", "behind by more than readyMaxLag records");
        }
        AssignedPartitions.Failure failure = current.failure();
        if (failure != null) {
            health = Health.down().withDetail("failingSince", failure.since().toString())
                    .withDetail("failure", failure.reason());
        }
        return health.withDetail("lag", lag).withDetail("readyMaxLag", properties.readyMaxLag()).build();
    }
}
