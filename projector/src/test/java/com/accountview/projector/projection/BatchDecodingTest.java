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

class BatchDecodingTest {

    private final BatchDecoding decoding = new BatchDecoding(
            new ProjectionProperties(1000, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(2), 3));
    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        decoding.destroy();
    }

    @Test
    void aLargeBatchIsDecodedOnSeveralThreadsInItsOrder() {
        List<Integer> records = IntStream.range(0, 5000).boxed().toList();

        List<String> decoded = decoding.decode(records, this::decode);

        assertThat(decoded).containsExactlyElementsOf(records.stream().map(String::valueOf).toList());
        assertThat(threads).hasSize(3).contains(Thread.currentThread().getName());
    }

    @Test
    void aSmallBatchStaysOnTheConsumerThread() {
        List<Integer> records = IntStream.range(0, BatchDecoding.MIN_RECORDS_PER_THREAD + 1).boxed().toList();

        assertThat(decoding.decode(records, this::decode)).hasSize(records.size());
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aFailureOnAWorkerReachesTheCallerAsItWasThrown() {
        List<Integer> records = IntStream.range(0, 5000).boxed().toList();

        assertThatThrownBy(() -> decoding.decode(records, record -> {
            if (record == 4999) {
                throw new IllegalStateException("record 4999");
            }
            return record;
        })).isInstanceOf(IllegalStateException.class).hasMessage("record 4999");
    }

    @Test
    void zeroThreadsMeansOnePerProcessor() {
        BatchDecoding automatic = new BatchDecoding(
                new ProjectionProperties(1000, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(2), 0));
        try {
            assertThat(automatic.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        } finally {
            automatic.destroy();
        }
    }

    private String decode(Integer record) {
        threads.add(Thread.currentThread().getName());
        return String.valueOf(record);
    }
}
