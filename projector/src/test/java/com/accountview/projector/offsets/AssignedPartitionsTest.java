package com.accountview.projector.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/** The one owner of positions: the stored offsets decide where every partition is consumed from. */
@ExtendWith(OutputCaptureExtension.class)
class AssignedPartitionsTest {

    private final TopicPartition stored = new TopicPartition("accounts", 0);
    private final TopicPartition fresh = new TopicPartition("accounts", 1);
    private final TopicPartition added = new TopicPartition("accounts", 2);
    private final DatabaseOffsets database = new DatabaseOffsets();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AssignedPartitions partitions = new AssignedPartitions(database, 1, new FixedBackOff(0), meters,
            Clock.systemUTC());
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("latest");

    @BeforeEach
    void assignment() {
        consumer.assign(List.of(stored, fresh));
        consumer.updateBeginningOffsets(Map.of(stored, 0L, fresh, 0L, added, 0L));
        consumer.updateEndOffsets(Map.of(stored, 100L, fresh, 100L, added, 100L));
        database.offsets.put(stored, 42L);
    }

    @Test
    void assignedPartitionsStartAtTheirStoredOffsetsOrFromTheBeginning() {
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));

        assertThat(consumer.position(stored)).isEqualTo(42);
        assertThat(consumer.position(fresh)).isZero();
        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void theLagIsKnownAsSoonAsThePartitionsArePositioned() {
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));

        assertThat(partitions.status().lag()).containsEntry(stored, 58L).containsEntry(fresh, 100L);
    }

    @Test
    void theLagIsPublishedPerPartitionAndEveryMeterOfTheGenerationGoesWhenItsConsumptionEnds() {
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));

        assertThat(meters.get("accountview.projector.lag").tag("partition", "0").tag("generation", "1").gauge().value())
                .isEqualTo(58.0);
        assertThat(meters.get("accountview.projector.lag").tag("partition", "1").gauge().value()).isEqualTo(100.0);

        partitions.onPartitionsRevokedAfterCommit(consumer, List.of(fresh));
        assertThat(meters.get("accountview.projector.lag").tag("partition", "1").gauge().value())
                .as("no consumer of this instance owns it now").isNaN();

        partitions.close();
        assertThat(meters.getMeters()).as("the generation's lag, positioning, failure and range meters").isEmpty();
    }

    @Test
    void whenTheBrokerCannotTellTheEndsTheLagStaysUnknownAndThePartitionsAreConsumed() {
        // as a real consumer before its first fetch: no lag of its own, and the broker's end offsets time out
        MockConsumer<byte[], byte[]> unanswered = withoutFetchedLag(new AtomicBoolean(false));
        unanswered.assign(List.of(stored, fresh));
        unanswered.updateBeginningOffsets(Map.of(stored, 0L, fresh, 0L));

        partitions.onPartitionsAssigned(unanswered, List.of(stored, fresh));

        assertThat(unanswered.paused()).isEmpty();
        assertThat(unanswered.position(stored)).isEqualTo(42);
        assertThat(partitions.status().lag()).containsEntry(stored, AssignedPartitions.UNKNOWN_LAG);
    }

    @Test
    void partitionsAssignedWhileTheDatabaseIsDownStayPausedUntilItAnswers() {
        database.down = true;
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));

        assertThat(consumer.paused()).containsExactlyInAnyOrder(stored, fresh);
        partitions.idle(consumer);
        assertThat(consumer.paused()).containsExactlyInAnyOrder(stored, fresh);
        assertThat(partitions.status().lag()).containsEntry(stored, AssignedPartitions.UNKNOWN_LAG);
        assertThat(partitions.status().failure()).isNotNull();

        database.down = false;
        partitions.idle(consumer);

        assertThat(consumer.paused()).isEmpty();
        assertThat(consumer.position(stored)).isEqualTo(42);
        assertThat(partitions.status().lag()).containsEntry(stored, 58L);
    }

    @Test
    void partitionsAssignedWhileTheDatabaseIsDownDoNotFailTheNextPollOfAConsumerWithoutResetPolicy() {
        MockConsumer<byte[], byte[]> withoutReset = new MockConsumer<>("none");
        withoutReset.assign(List.of(stored, fresh));
        withoutReset.updateBeginningOffsets(Map.of(stored, 0L, fresh, 0L));
        database.down = true;

        partitions.onPartitionsAssigned(withoutReset, List.of(stored, fresh));

        assertThatCode(() -> withoutReset.poll(Duration.ZERO)).doesNotThrowAnyException();
        assertThat(withoutReset.paused()).containsExactlyInAnyOrder(stored, fresh);
        database.down = false;
        partitions.idle(withoutReset);
        assertThat(withoutReset.position(stored)).isEqualTo(42);
    }

    @Test
    void aPositionBeforeTheFirstRecordGoesOnFromItAndCountsTheOffsetsLost() {
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));
        consumer.updateBeginningOffsets(Map.of(stored, 50L));

        partitions.outOfRange(consumer, () -> true, Map.of(stored, 42L));

        assertThat(consumer.position(stored)).isEqualTo(50);
        assertThat(database.offsets).as("nothing to set back: the next batch applies from 50").containsEntry(stored, 42L);
        assertThat(meters.get("accountview.projector.records.lost").counter().count()).isEqualTo(8);
        assertThat(meters.get("accountview.projector.offsets.rewound").counter().count()).isZero();
    }

    @Test
    void aStoredOffsetPastThePartitionsEndIsSetBackAndThePartitionConsumedFromItsBeginning() {
        database.offsets.put(stored, 120L);
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));
        consumer.updateBeginningOffsets(Map.of(stored, 3L));

        partitions.outOfRange(consumer, () -> true, Map.of(stored, 120L));

        assertThat(consumer.position(stored)).isEqualTo(3);
        assertThat(database.offsets).containsEntry(stored, 3L);
        assertThat(meters.get("accountview.projector.offsets.rewound").counter().count()).isEqualTo(1);
        assertThat(meters.get("accountview.projector.records.lost").counter().count()).isZero();
    }

    @Test
    void aPositionInRangeAgainByTheTimeItIsCheckedIsFetchedAgain() {
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));

        partitions.outOfRange(consumer, () -> true, Map.of(stored, 42L));

        assertThat(consumer.position(stored)).isEqualTo(42);
        assertThat(database.offsets).containsEntry(stored, 42L);
        assertThat(meters.get("accountview.projector.records.lost").counter().count()).isZero();
        assertThat(meters.get("accountview.projector.offsets.rewound").counter().count()).isZero();
    }

    @Test
    void aStoredOffsetTheDatabaseCannotSetBackIsRecoveredFromLikeAFailedBatch() {
        database.offsets.put(stored, 120L);
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));
        database.down = true;
        database.upAfterReads = 1;

        partitions.outOfRange(consumer, () -> true, Map.of(stored, 120L));

        // sought back to the stored offset, still past the end: the next poll finds it out of range again
        assertThat(consumer.position(stored)).isEqualTo(120);
        assertThat(consumer.paused()).isEmpty();
        assertThat(meters.get("accountview.projector.batch.failures").counter().count()).isEqualTo(1);
        assertThat(meters.get("accountview.projector.offsets.rewound").counter().count()).isZero();
    }

    @Test
    void aRecordOfAPartitionNotPositionedFailsTheBatchInsteadOfBeingApplied() {
        database.down = true;
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));

        assertThatThrownBy(() -> partitions.beforeBatch(consumer, List.of(record(fresh, 0))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(fresh.toString());
    }

    @Test
    void aRecordOfAPartitionNotPositionedFailsTheBatchWhereverItStandsInIt() {
        consumer.assign(List.of(stored));
        partitions.onPartitionsAssigned(consumer, List.of(stored));
        TopicPartition sameNumberOtherTopic = new TopicPartition("contracts", stored.partition());

        partitions.beforeBatch(consumer, List.of(record(stored, 42), record(stored, 43)));
        assertThatThrownBy(() -> partitions.beforeBatch(consumer, List.of(record(stored, 42), record(stored, 43),
                record(fresh, 0)))).isInstanceOf(IllegalStateException.class).hasMessageContaining(fresh.toString());
        assertThatThrownBy(() -> partitions.beforeBatch(consumer, List.of(record(stored, 42),
                record(sameNumberOtherTopic, 0)))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(sameNumberOtherTopic.toString());
    }

    @Test
    void afterAFailureEveryAssignedPartitionIsSoughtBackToItsStoredOffset() {
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));
        // the consumer fetched ahead of what the failed batch could store
        consumer.seek(stored, 80);
        consumer.seek(fresh, 30);

        partitions.recover(consumer, () -> true, new IllegalStateException("connection lost"));

        assertThat(consumer.position(stored)).isEqualTo(42);
        assertThat(consumer.position(fresh)).isZero();
        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void recoveryWaitsForTheDatabasePollingAllTheWhile() {
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));
        database.down = true;
        database.upAfterReads = 3;
        AtomicInteger polls = new AtomicInteger();
        countPolls(polls, 10);

        partitions.recover(consumer, () -> true, new IllegalStateException("connection lost"));

        assertThat(database.reads.get()).isEqualTo(4);
        assertThat(polls.get()).isGreaterThanOrEqualTo(3);
        assertThat(consumer.position(stored)).isEqualTo(42);
        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void partitionsAssignedDuringRecoveryStayPausedUntilItsEnd() {
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));
        database.down = true;
        database.upAfterReads = 1;
        consumer.schedulePollTask(() -> {
            // a rebalance during the outage: the group hands this consumer one more partition
            consumer.assign(List.of(stored, fresh, added));
            partitions.onPartitionsAssigned(consumer, List.of(added));
            assertThat(consumer.paused()).contains(added);
            database.down = false;
        });

        partitions.recover(consumer, () -> true, new IllegalStateException("connection lost"));

        assertThat(consumer.paused()).isEmpty();
        assertThat(consumer.position(added)).isZero();
        assertThat(consumer.position(stored)).isEqualTo(42);
    }

    @Test
    void recoveryStopsWhenTheContainerStopsLeavingEverythingPaused() {
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));
        database.down = true;

        partitions.recover(consumer, () -> false, new IllegalStateException("connection lost"));

        assertThat(consumer.paused()).containsExactlyInAnyOrder(stored, fresh);
    }

    @Test
    void aLateLossOnOneConsumerDoesNotTouchWhatAnotherConsumerNowOwns() {
        MockConsumer<byte[], byte[]> other = new MockConsumer<>("latest");
        other.assign(List.of(fresh));
        other.updateBeginningOffsets(Map.of(fresh, 0L));
        other.updateEndOffsets(Map.of(fresh, 100L));
        database.down = true;
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));
        // the group moved fresh to the other consumer thread while the database is down
        partitions.onPartitionsAssigned(other, List.of(fresh));

        partitions.onPartitionsLost(consumer, List.of(stored, fresh));

        assertThat(partitions.status().lag()).containsEntry(fresh, AssignedPartitions.UNKNOWN_LAG);
        assertThatThrownBy(() -> partitions.beforeBatch(other, List.of(record(fresh, 0))))
                .isInstanceOf(IllegalStateException.class);
        database.down = false;
        partitions.idle(other);
        assertThat(other.paused()).isEmpty();
        assertThat(other.position(fresh)).isZero();
    }

    @Test
    void aCommittedBatchIsNotReportedFailedWhenTheBrokerDoesNotGiveItsEnds() {
        AtomicBoolean answers = new AtomicBoolean(true);
        MockConsumer<byte[], byte[]> slow = withoutFetchedLag(answers);
        slow.assign(List.of(stored, fresh));
        slow.updateBeginningOffsets(Map.of(stored, 0L, fresh, 0L));
        slow.updateEndOffsets(Map.of(stored, 100L, fresh, 100L));
        partitions.onPartitionsAssigned(slow, List.of(stored, fresh));
        answers.set(false);

        assertThatCode(() -> partitions.committed(slow, Map.of(stored, 50L))).doesNotThrowAnyException();
        assertThat(partitions.status().lag()).as("as last measured").containsEntry(stored, 58L);
    }

    @Test
    void committedBatchesCommitTheStoredOffsetsToKafkaForAssignedPartitionsOnly() {
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));

        partitions.committed(consumer, Map.of(stored, 50L, added, 7L));

        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(stored, added));
        assertThat(committed.get(stored)).isEqualTo(new OffsetAndMetadata(50));
        assertThat(committed.get(added)).isNull();
    }

    /** A consumer with no lag of its own (no fetch yet), whose broker gives end offsets only while it answers. */
    private static MockConsumer<byte[], byte[]> withoutFetchedLag(AtomicBoolean brokerAnswers) {
        return new MockConsumer<>("latest") {
            @Override
            public OptionalLong currentLag(TopicPartition partition) {
                return OptionalLong.empty();
            }

            @Override
            public synchronized Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
                // the bounded variant comes here too
                if (!brokerAnswers.get()) {
                    throw new TimeoutException("no answer");
                }
                return super.endOffsets(partitions);
            }
        };
    }

    private void countPolls(AtomicInteger polls, int times) {
        for (int i = 0; i < times; i++) {
            consumer.schedulePollTask(polls::incrementAndGet);
        }
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, new byte[0], new byte[0]);
    }

    /** The stored offsets as the database would answer, or not. */
    /**
     * A batch that waited behind a switch or a cancel finds its generation ended: that is told as what
     * it is, at INFO, and neither counted as a failed batch nor reported by health; a failure of the
     * database is a WARN, and is both.
     */
    @Test
    void aBatchOfAGenerationThatEndedMeanwhileIsToldAtInfoAndNotCountedAsAFailure(CapturedOutput output) {
        partitions.onPartitionsAssigned(consumer, List.of(stored, fresh));
        ConsumerRecords<byte[], byte[]> batch = new ConsumerRecords<>(
                Map.of(stored, List.of(new ConsumerRecord<>("accounts", 0, 42, new byte[0], new byte[0]))), Map.of());

        partitions.errorHandler().handleBatch(new IllegalStateException("listener failed",
                new GenerationEndedException(1)), batch, consumer, new StoppedContainer(), () -> { });
        assertThat(meters.get("accountview.projector.batch.failures").counter().count()).isZero();
        assertThat(partitions.status().failure()).isNull();
        partitions.errorHandler().handleBatch(new IllegalStateException("listener failed",
                new IllegalStateException("Connection refused")), batch, consumer, new StoppedContainer(), () -> { });

        assertThat(lineWith(output, "was not written: generation 1 was retired or its rebuild cancelled meanwhile"))
                .contains("INFO").doesNotContain("WARN");
        assertThat(lineWith(output, "failed; it is consumed again from the stored offsets once the database answers:"
                + " java.lang.IllegalStateException: Connection refused")).contains("WARN");
        assertThat(meters.get("accountview.projector.batch.failures").counter().count()).isEqualTo(1);
        assertThat(partitions.status().failure()).isNotNull();
    }

    private static String lineWith(CapturedOutput output, String text) {
        return output.getAll().lines().filter(line -> line.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with \"" + text + "\" in:\n" + output.getAll()));
    }

    /** The container of a consumer that is stopping: recovery does not wait for the database. */
    private static final class StoppedContainer implements MessageListenerContainer {

        @Override
        public void setupMessageListener(Object messageListener) {
        }

        @Override
        public Map<String, Map<MetricName, ? extends Metric>> metrics() {
            return Map.of();
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return false;
        }
    }

    private static final class DatabaseOffsets extends StoredOffsets {

        final Map<TopicPartition, Long> offsets = new HashMap<>();
        final AtomicInteger reads = new AtomicInteger();
        volatile boolean down;
        int upAfterReads = -1;

        DatabaseOffsets() {
            super(null);
        }

        @Override
        public Map<TopicPartition, Long> read(int generation, Collection<String> topics) {
            if (reads.incrementAndGet() == upAfterReads + 1 && upAfterReads >= 0) {
                down = false;
            }
            if (down) {
                throw new IllegalStateException("Connection refused");
            }
            return Map.copyOf(offsets);
        }

        @Override
        boolean rewind(int generation, TopicPartition partition, long end, long start) {
            if (down) {
                throw new IllegalStateException("Connection refused");
            }
            if (offsets.getOrDefault(partition, 0L) <= end) {
                return false;
            }
            offsets.put(partition, start);
            return true;
        }
    }
}
