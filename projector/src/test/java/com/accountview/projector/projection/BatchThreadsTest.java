package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.accountview.projector.ProjectionProperties;

class BatchThreadsTest {

    private final BatchThreads threads = new BatchThreads(
            new ProjectionProperties(1000, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(2), 3));
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
    void zeroThreadsMeansOnePerProcessor() {
        BatchThreads automatic = new BatchThreads(
                new ProjectionProperties(1000, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(2), 0));
        try {
            assertThat(automatic.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        } finally {
            automatic.destroy();
        }
    }

    private String decode(Integer record) {
        used.add(Thread.currentThread().getName());
        return String.valueOf(record);
    }
}
