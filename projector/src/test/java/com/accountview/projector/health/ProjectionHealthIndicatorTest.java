package com.accountview.projector.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import com.accountview.projector.ProjectionProperties;

class ProjectionHealthIndicatorTest {

    private final ProjectionStatus status = new ProjectionStatus();
    private final ProjectionHealthIndicator indicator = new ProjectionHealthIndicator(status,
            new ProjectionProperties(100, Duration.ofMillis(200), Duration.ofSeconds(10)));
    private final TopicPartition partition = new TopicPartition("customers.accounts.v1", 0);

    @Test
    void notReadyBeforeTheGroupAssignedPartitions() {
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void notReadyWhileTheLagOfAnAssignedPartitionIsUnknown() {
        status.assigned(List.of(partition));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void readyWhenCaughtUpWithinTheConfiguredLag() {
        status.assigned(List.of(partition));
        status.lag(partition, 100);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void readyWithoutPartitionsWhenTheGroupHasMoreInstancesThanPartitions() {
        status.assigned(List.of());

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void notReadyWhenBehindByMoreThanTheConfiguredLag() {
        status.assigned(List.of(partition));
        status.lag(partition, 101);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void notReadyWhileBatchesFailAndReadyAgainOnceOneSucceeds() {
        status.assigned(List.of(partition));
        status.lag(partition, 0);
        status.batchFailed(new IllegalStateException("database unreachable"));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(indicator.health().getDetails()).containsKey("failingSince");

        status.batchSucceeded();

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }
}
