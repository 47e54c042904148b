package com.accountview.projector.health;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import com.accountview.projector.ProjectionProperties;

/**
 * {@code projection} health, part of the readiness group. UP only when this instance has joined
 * its consumer group, every assigned partition's lag is known and at most
 * {@code accountview.projection.ready-max-lag}, and batches succeed; DOWN while they fail (the
 * database is unreachable, for instance: they are retried, never skipped).
 */
@Component
class ProjectionHealthIndicator implements HealthIndicator {

    private final ProjectionStatus status;
    private final ProjectionProperties properties;

    ProjectionHealthIndicator(ProjectionStatus status, ProjectionProperties properties) {
        this.status = status;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Map<String, Long> lag = status.lag().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue));
        ProjectionStatus.Failure failure = status.failure();
        Health.Builder health = Health.up();
        if (!status.isAssigned()) {
            health = Health.down().withDetail("reason", "waiting for the consumer group to assign partitions");
        } else if (lag.containsValue(ProjectionStatus.UNKNOWN_LAG)) {
            health = Health.down().withDetail("reason", "lag of some assigned partition not measured yet");
        } else if (lag.values().stream().anyMatch(records -> records > properties.readyMaxLag())) {
            health = Health.down().withDetail("reason", "behind by more than readyMaxLag records");
        }
        if (failure != null) {
            health = Health.down().withDetail("failingSince", failure.since().toString())
                    .withDetail("failure", failure.reason());
        }
        return health.withDetail("lag", lag).withDetail("readyMaxLag", properties.readyMaxLag()).build();
    }
}
