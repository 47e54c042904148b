package com.accountview.projector.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.accountview.projector.ProjectionProperties;

/**
 * Decodes a batch on several threads at once, keeping the records' order. Decoding is CPU work that
 * the batch's transaction waits for, and while one thread decodes PostgreSQL has nothing to do: on
 * the consumer thread alone it left a core idle for a third of the time. The consumer thread
 * decodes a share itself; the rest go to {@code accountview.projection.decode-threads} − 1 daemon
 * workers, shared by every pipeline. Small batches are decoded on the consumer thread only.
 * Thread-safe.
 */
@Component
class BatchDecoding implements DisposableBean {

    /** Below this many records per thread, handing work over costs more than it saves. */
    static final int MIN_RECORDS_PER_THREAD = 64;

    private final int threads;
    private final ExecutorService workers;

    BatchDecoding(ProjectionProperties properties) {
        this.threads = properties.decodeThreads() == 0 ? Runtime.getRuntime().availableProcessors()
                : properties.decodeThreads();
        AtomicInteger count = new AtomicInteger();
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, task -> {
            Thread thread = new Thread(task, "decode-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    int threads() {
        return threads;
    }

    /**
     * Applies {@code decode} to every record, in parallel where it pays.
     *
     * @param decode must be thread-safe, and must not throw for a malformed record (it returns the rejection)
     * @return the results, in the order of {@code records}
     */
    <R, T> List<T> decode(List<R> records, Function<R, T> decode) {
        int shares = Math.min(threads, records.size() / MIN_RECORDS_PER_THREAD);
        if (shares <= 1) {
            return records.stream().map(decode).toList();
        }
        int size = (records.size() + shares - 1) / shares;
        List<CompletableFuture<List<T>>> handedOver = new ArrayList<>(shares - 1);
        for (int from = size; from < records.size(); from += size) {
            List<R> share = records.subList(from, Math.min(from + size, records.size()));
            handedOver.add(CompletableFuture.supplyAsync(() -> share.stream().map(decode).toList(), workers));
        }
        List<T> decoded = new ArrayList<>(records.size());
        decoded.addAll(records.subList(0, size).stream().map(decode).toList());
        for (CompletableFuture<List<T>> share : handedOver) {
            try {
                decoded.addAll(share.join());
            } catch (CompletionException failed) {
                // as if decoded on this thread: the caller sees what decode threw
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
        }
        return decoded;
    }

    @Override
    public void destroy() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
