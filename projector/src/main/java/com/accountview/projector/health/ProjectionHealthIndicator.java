package com.accountview.projector.health;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import com.accountview.projector.ProjectionProperties;

/**
 * {@code projection} health, part of the readiness group: DOWN while batches fail (the database
 * is unreachable, for instance: they are retried, never skipped) or while the lag of some assigned
 * partition exceeds {@code accountview.projection.ready-max-lag}.
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
        Health.Builder health = failure != null || status.maxLag() > properties.readyMaxLag()
                ? Health.down() : Health.up();
        health.withDetail("lag", lag).withDetail("readyMaxLag", properties.readyMaxLag());
        if (failure != null) {
            health.withDetail("failingSince", failure.since().toString()).withDetail("failure", failure.reason());
        }
        return health.build();
    }
}
