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
 * The threads that decode a batch and encode its rows, several at once, keeping the order. Both are
 * CPU work in Java that PostgreSQL waits for: on the consumer thread alone they left the second core
 * idle for about half of the time. The calling (consumer) thread does a share itself; the rest go
 * to {@code accountview.projection.batch-threads} − 1 daemon workers, shared by every pipeline.
 * Thread-safe.
 */
@Component
class BatchThreads implements DisposableBean {

    private final int threads;
    private final ExecutorService workers;

    BatchThreads(ProjectionProperties properties) {
        this.threads = properties.batchThreads() == 0 ? Runtime.getRuntime().availableProcessors()
                : properties.batchThreads();
        AtomicInteger count = new AtomicInteger();
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, task -> {
            Thread thread = new Thread(task, "batch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    int threads() {
        return threads;
    }

    /**
     * Applies {@code each} to every item, on several threads where there are enough items.
     *
     * @param minPerShare the fewest items worth handing to another thread
     * @param each must be thread-safe
     * @return the results, in the order of {@code items}
     * @throws RuntimeException what {@code each} threw, as it threw it
     */
    <R, T> List<T> map(List<R> items, int minPerShare, Function<R, T> each) {
        int shares = Math.min(threads, items.size() / minPerShare);
        if (shares <= 1) {
            return items.stream().map(each).toList();
        }
        int size = (items.size() + shares - 1) / shares;
        List<CompletableFuture<List<T>>> handedOver = new ArrayList<>(shares - 1);
        for (int from = size; from < items.size(); from += size) {
            List<R> share = items.subList(from, Math.min(from + size, items.size()));
            handedOver.add(CompletableFuture.supplyAsync(() -> share.stream().map(each).toList(), workers));
        }
        List<T> results = new ArrayList<>(items.size());
        results.addAll(items.subList(0, size).stream().map(each).toList());
        for (CompletableFuture<List<T>> share : handedOver) {
            try {
                results.addAll(share.join());
            } catch (CompletionException failed) {
                // as if done on this thread: the caller sees what each threw
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
        }
        return results;
    }

    @Override
    public void destroy() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
