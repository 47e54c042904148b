package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.accountview.projector.ProjectionProperties;

class BatchThreadsTest {

    private final BatchThreads threads = new BatchThreads(
            new ProjectionProperties(1000, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(2), 3, 1000));
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        threads.destroy();
    }

    @Test
    void manyItemsAreSharedOverEveryThreadInTheirOrder() {
        List<Integer> records = IntStream.range(0, 5000).boxed().toList();

        List<String> decoded = threads.map(records, 64, this::decode);

        assertThat(decoded).containsExactlyElementsOf(records.stream().map(String::valueOf).toList());
        assertThat(used).hasSize(3).contains(Thread.currentThread().getName());
    }

    @Test
    void fewerThanTwoSharesStayOnTheCallingThread() {
        List<Integer> records = IntStream.range(0, 64 + 63).boxed().toList();

        assertThat(threads.map(records, 64, this::decode)).hasSize(records.size());
        assertThat(used).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aFailureOnAWorkerReachesTheCallerAsItWasThrown() {
        List<Integer> records = IntStream.range(0, 5000).boxed().toList();

        assertThatThrownBy(() -> threads.map(records, 64, record -> {
            if (record == 4999) {
                throw new IllegalStateException("record 4999");
            }
            return record;
        })).isInstanceOf(IllegalStateException.class).hasMessage("record 4999");
    }

    @Test
    void startedWorkRunsOnWorkersOnlyAndKeepsTheOrder() {
        List<Integer> records = IntStream.range(0, 1000).boxed().toList();

        BatchThreads.Started<String> started = threads.start(records, 64, this::decode);

        assertThat(started.join()).containsExactlyElementsOf(records.stream().map(String::valueOf).toList());
        assertThat(used).hasSize(3).doesNotContain(Thread.currentThread().getName())
                .allSatisfy(name -> assertThat(name).startsWith("batch-ahead-"));
    }

    @Test
    @Timeout(30)
    void startedWorkDoesNotHoldUpTheCallersOwnShares() {
        CountDownLatch release = new CountDownLatch(1);
        BatchThreads.Started<Integer> blocked = threads.start(List.of(1, 2, 3), 1, record -> {
            awaitQuietly(release);
            return record;
        });

        assertThat(threads.map(IntStream.range(0, 5000).boxed().toList(), 64, this::decode)).hasSize(5000);
        release.countDown();
        assertThat(blocked.join()).containsExactly(1, 2, 3);
    }

    @Test
    void aFailureOfStartedWorkReachesTheJoinAsItWasThrown() {
        BatchThreads.Started<Integer> started = threads.start(IntStream.range(0, 1000).boxed().toList(), 64, record -> {
            if (record == 999) {
                throw new IllegalStateException("record 999");
            }
            return record;
        });

        started.settle();
        assertThat(started.shares()).allMatch(CompletableFuture::isDone);
        assertThatThrownBy(started::join).isInstanceOf(IllegalStateException.class).hasMessage("record 999");
    }

    @Test
    void withOneThreadStartedWorkIsDoneOnTheCaller() {
        BatchThreads one = new BatchThreads(
                new ProjectionProperties(1000, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(2), 1, 1000));
        try {
            assertThat(one.start(List.of(1, 2), 1, this::decode).join()).containsExactly("1", "2");
            assertThat(used).containsExactly(Thread.currentThread().getName());
        } finally {
            one.destroy();
        }
    }

    @Test
    void zeroThreadsMeansOnePerProcessor() {
        BatchThreads automatic = new BatchThreads(
                new ProjectionProperties(1000, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(2), 0, 1000));
        try {
            assertThat(automatic.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        } finally {
            automatic.destroy();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String decode(Integer record) {
        used.add(Thread.currentThread().getName());
        return String.valueOf(record);
    }
}
