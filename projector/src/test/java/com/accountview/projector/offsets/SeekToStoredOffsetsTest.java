package com.accountview.projector.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.accountview.projector.generations.Generation;
import com.accountview.projector.health.ProjectionStatus;

class SeekToStoredOffsetsTest {

    private final TopicPartition stored = new TopicPartition("accounts", 0);
    private final TopicPartition fresh = new TopicPartition("accounts", 1);
    private final DatabaseOffsets database = new DatabaseOffsets();
    private final SeekToStoredOffsets positioning =
            new SeekToStoredOffsets(database, new Generation(1), new ProjectionStatus());
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("latest");

    @BeforeEach
    void assignment() {
        consumer.assign(List.of(stored, fresh));
        consumer.updateBeginningOffsets(Map.of(stored, 0L, fresh, 0L));
        consumer.updateEndOffsets(Map.of(stored, 100L, fresh, 100L));
        database.offsets.put(stored, 42L);
    }

    @Test
    void assignedPartitionsStartAtTheirStoredOffsetsOrFromTheBeginning() {
        positioning.onPartitionsAssigned(consumer, List.of(stored, fresh));

        assertThat(consumer.position(stored)).isEqualTo(42);
        assertThat(consumer.position(fresh)).isZero();
        assertThat(consumer.paused()).isEmpty();
        assertThat(positioning.isPositioned(stored)).isTrue();
    }

    @Test
    void partitionsAssignedWhileTheDatabaseIsDownStayPausedUntilItAnswers() {
        database.down = true;
        positioning.onPartitionsAssigned(consumer, List.of(stored, fresh));

        assertThat(consumer.paused()).containsExactlyInAnyOrder(stored, fresh);
        assertThat(positioning.isPositioned(stored)).isFalse();
        assertThat(positioning.positionPending(consumer)).containsExactlyInAnyOrder(stored, fresh);
        assertThat(consumer.paused()).containsExactlyInAnyOrder(stored, fresh);

        database.down = false;

        assertThat(positioning.positionPending(consumer)).containsExactlyInAnyOrder(stored, fresh);
        assertThat(consumer.paused()).isEmpty();
        assertThat(consumer.position(stored)).isEqualTo(42);
        assertThat(positioning.positionPending(consumer)).isEmpty();
    }

    @Test
    void revokedPartitionsAreForgotten() {
        database.down = true;
        positioning.onPartitionsAssigned(consumer, List.of(stored, fresh));

        positioning.onPartitionsRevokedAfterCommit(consumer, List.of(stored));

        assertThat(positioning.isPositioned(stored)).isTrue();
        assertThat(positioning.isPositioned(fresh)).isFalse();
    }

    /** The stored offsets as the database would answer, or not. */
    private static final class DatabaseOffsets extends StoredOffsets {

        final Map<TopicPartition, Long> offsets = new HashMap<>();
        boolean down;

        DatabaseOffsets() {
            super(null);
        }

        @Override
        public Map<TopicPartition, Long> read(int generation, Collection<String> topics) {
            if (down) {
                throw new IllegalStateException("Connection refused");
            }
            return Map.copyOf(offsets);
        }
    }
}
