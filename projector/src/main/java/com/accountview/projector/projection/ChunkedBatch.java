package com.accountview.projector.projection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumed batch handed to its transaction chunk by chunk, each chunk decoded on the batch
 * threads while the caller runs the previous chunk's statements: Java's decoding overlaps with
 * PostgreSQL's work instead of waiting for it. The decoding of a chunk starts when the one before
 * it is taken, so that it never crowds out the encoding of the chunk being written. Not
 * thread-safe: one instance per batch, used by its consumer thread.
 */
final class ChunkedBatch {

    /** Fewer records per share are not worth handing to another thread. */
    private static final int MIN_RECORDS_PER_SHARE = 64;

    private final List<ConsumerRecord<byte[], byte[]>> records;
    private final int chunkRecords;
    private final BatchThreads threads;
    private final Function<ConsumerRecord<byte[], byte[]>, ConsumedRecord> decode;
    private final List<ConsumedRecord> taken = new ArrayList<>();
    private BatchThreads.Started<ConsumedRecord> ahead;
    private int from;

    private ChunkedBatch(List<ConsumerRecord<byte[], byte[]>> records, int chunkRecords, BatchThreads threads,
                         Function<ConsumerRecord<byte[], byte[]>, ConsumedRecord> decode) {
        this.records = records;
        this.chunkRecords = chunkRecords;
        this.threads = threads;
        this.decode = decode;
    }

    /** Starts decoding the batch's first chunk. */
    static ChunkedBatch decoding(List<ConsumerRecord<byte[], byte[]>> records, int chunkRecords, BatchThreads threads,
                                 Function<ConsumerRecord<byte[], byte[]>, ConsumedRecord> decode) {
        ChunkedBatch batch = new ChunkedBatch(records, chunkRecords, threads, decode);
        batch.startNext();
        return batch;
    }

    /** Records decoded already (a part of a batch applied on its own), as one chunk. */
    static ChunkedBatch decoded(List<ConsumedRecord> consumed) {
        ChunkedBatch batch = new ChunkedBatch(consumed.stream().map(ConsumedRecord::raw).toList(),
                Math.max(1, consumed.size()), null, null);
        batch.ahead = new BatchThreads.Started<>(List.of(CompletableFuture.completedFuture(consumed)));
        return batch;
    }

    /** The partitions of the batch's records, in order of appearance. */
    Set<TopicPartition> partitions() {
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            partitions.add(new TopicPartition(record.topic(), record.partition()));
        }
        return partitions;
    }

    int size() {
        return records.size();
    }

    /**
     * The next chunk, decoded, in the batch's order; starts decoding the one after it.
     *
     * @return null once every chunk was taken
     * @throws RuntimeException what decoding threw (not a malformed record: that is a rejected one)
     */
    List<ConsumedRecord> next() {
        if (ahead == null) {
            return null;
        }
        List<ConsumedRecord> chunk = ahead.join();
        ahead = null;
        startNext();
        taken.addAll(chunk);
        return chunk;
    }

    /** Every record of the batch, decoded: those taken, and the rest decoded now. */
    List<ConsumedRecord> all() {
        while (next() != null) {
            // taken
        }
        return List.copyOf(taken);
    }

    /** Waits until no chunk is being decoded any more (after a failure, so that no work is left behind). */
    void settle() {
        if (ahead != null) {
            ahead.settle();
        }
    }

    private void startNext() {
        if (from < records.size() && decode != null) {
            List<ConsumerRecord<byte[], byte[]>> chunk = records.subList(from, Math.min(from + chunkRecords, records.size()));
            from += chunk.size();
            ahead = threads.start(chunk, MIN_RECORDS_PER_SHARE, decode);
        }
    }
}
