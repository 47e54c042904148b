package com.accountview.projector.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import com.accountview.projector.ProjectionProperties;
import com.accountview.projector.offsets.AssignedPartitions;

class ProjectionHealthIndicatorTest {

    private final TopicPartition partition = new TopicPartition("customers.accounts.v1", 0);
    private AssignedPartitions.Status status = new AssignedPartitions.Status(false, Map.of(), null);
    private final ProjectionHealthIndicator indicator = new ProjectionHealthIndicator(() -> Optional.of(status),
            new ProjectionProperties(100, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(2), 0));

    @Test
    void notReadyWhenThisInstanceConsumesNoLiveGeneration() {
        ProjectionHealthIndicator none = new ProjectionHealthIndicator(Optional::empty,
                new ProjectionProperties(100, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(2), 0));

        assertThat(none.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void notReadyBeforeTheGroupAssignedPartitions() {
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void notReadyWhileAnAssignedPartitionIsNotPositionedOrItsLagUnknown() {
        status = new AssignedPartitions.Status(true, Map.of(partition, AssignedPartitions.UNKNOWN_LAG), null);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void readyWhenCaughtUpWithinTheConfiguredLag() {
        status = new AssignedPartitions.Status(true, Map.of(partition, 100L), null);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void readyWithoutPartitionsWhenTheGroupHasMoreInstancesThanPartitions() {
        status = new AssignedPartitions.Status(true, Map.of(), null);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void notReadyWhenBehindByMoreThanTheConfiguredLag() {
        status = new AssignedPartitions.Status(true, Map.of(partition, 101L), null);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void notReadyWhileBatchesFail() {
        status = new AssignedPartitions.Status(true, Map.of(partition, 0L),
                new AssignedPartitions.Failure("database unreachable", Instant.parse("2026-12-01T10:00:00Z")));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(indicator.health().getDetails()).containsEntry("failingSince", "2026-12-01T10:00:00Z");
    }
}
