package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.accountview.projector.ProjectionProperties;

class ChunkedBatchTest {

    private final BatchThreads threads = new BatchThreads(
            new ProjectionProperties(1000, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(2), 2, 1000));
    private final List<ConsumerRecord<byte[], byte[]>> records = IntStream.range(0, 2500)
            .mapToObj(offset -> new ConsumerRecord<byte[], byte[]>(offset % 2 == 0 ? "accounts" : "contracts", offset % 3,
                    offset, null, null))
            .toList();

    @AfterEach
    void stop() {
        threads.destroy();
    }

    @Test
    void chunksComeDecodedInTheBatchsOrderAndThenNoMore() {
        ChunkedBatch batch = ChunkedBatch.decoding(records, 1000, threads, ChunkedBatchTest::decode);

        List<Integer> sizes = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        List<ConsumedRecord> chunk;
        while ((chunk = batch.next()) != null) {
            sizes.add(chunk.size());
            chunk.forEach(record -> seen.add(record.raw()));
        }

        assertThat(sizes).containsExactly(1000, 1000, 500);
        assertThat(seen).containsExactlyElementsOf(records);
        assertThat(batch.next()).isNull();
        assertThat(batch.size()).isEqualTo(2500);
        assertThat(batch.partitions()).hasSize(6).contains(new TopicPartition("accounts", 0));
    }

    @Test
    void allIsEveryRecordWhateverWasTakenBefore() {
        ChunkedBatch batch = ChunkedBatch.decoding(records, 700, threads, ChunkedBatchTest::decode);
        batch.next();

        assertThat(batch.all()).extracting(ConsumedRecord::raw).containsExactlyElementsOf(records);
    }

    @Test
    void decodedRecordsAreOneChunk() {
        List<ConsumedRecord> decoded = records.subList(0, 10).stream().map(ChunkedBatchTest::decode).toList();
        ChunkedBatch batch = ChunkedBatch.decoded(decoded);

        assertThat(batch.next()).isEqualTo(decoded);
        assertThat(batch.next()).isNull();
        assertThat(batch.all()).isEqualTo(decoded);
    }

    @Test
    void anEmptyBatchHasNoChunk() {
        assertThat(ChunkedBatch.decoding(List.of(), 1000, threads, ChunkedBatchTest::decode).next()).isNull();
    }

    private static ConsumedRecord decode(ConsumerRecord<byte[], byte[]> record) {
        return new ConsumedRecord(record, null, null);
    }
}
