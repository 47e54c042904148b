package com.accountview.projector.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.accountview.projector.ProjectionProperties;

/**
 * The threads that decode a batch and encode its rows, several at once, keeping the order. Both are
 * CPU work in Java that PostgreSQL waits for: on the consumer thread alone they left the second core
 * idle for about half of the time. {@link #map} has the calling (consumer) thread do a share itself
 * and hands the rest to {@code accountview.projection.batch-threads} − 1 daemon workers;
 * {@link #start} hands everything to {@code batch-threads} workers of its own and returns at once,
 * so that the caller overlaps the work with its statements in PostgreSQL. Shared by every pipeline.
 * Thread-safe.
 */
@Component
class BatchThreads implements DisposableBean {

    private final int threads;
    private final ExecutorService workers;
    private final ExecutorService ahead;

    BatchThreads(ProjectionProperties properties) {
        this.threads = properties.batchThreads() == 0 ? Runtime.getRuntime().availableProcessors()
                : properties.batchThreads();
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, daemons("batch-"));
        // not the workers of map(): the caller's own shares (a chunk's arrays) must never queue behind
        // the decoding of the next chunk
        this.ahead = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemons("batch-ahead-"));
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
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
        results.addAll(new Started<>(handedOver).join());
        return results;
    }

    /**
     * Starts applying {@code each} to every item on workers, in shares of at least
     * {@code minPerShare} items, and returns without waiting; with one batch thread, applies it on
     * the calling thread before returning.
     *
     * @param each must be thread-safe
     */
    <R, T> Started<T> start(List<R> items, int minPerShare, Function<R, T> each) {
        if (ahead == null) {
            try {
                return new Started<>(List.of(CompletableFuture.completedFuture(items.stream().map(each).toList())));
            } catch (RuntimeException failure) {
                return new Started<>(List.of(CompletableFuture.failedFuture(failure)));
            }
        }
        int shares = Math.max(1, Math.min(threads, items.size() / minPerShare));
        int size = Math.max(1, (items.size() + shares - 1) / shares);
        List<CompletableFuture<List<T>>> started = new ArrayList<>(shares);
        for (int from = 0; from < items.size(); from += size) {
            List<R> share = items.subList(from, Math.min(from + size, items.size()));
            started.add(CompletableFuture.supplyAsync(() -> share.stream().map(each).toList(), ahead));
        }
        return new Started<>(started);
    }

    /** Work handed to workers, share by share in the order of the items. */
    record Started<T>(List<CompletableFuture<List<T>>> shares) {

        /**
         * Waits for every share.
         *
         * @return the results, in the order of the items
         * @throws RuntimeException what the work threw, as it threw it
         */
        List<T> join() {
            List<T> results = new ArrayList<>();
            for (CompletableFuture<List<T>> share : shares) {
                try {
                    results.addAll(share.join());
                } catch (CompletionException failed) {
                    // as if done on this thread: the caller sees what the work threw
                    throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
                }
            }
            return results;
        }

        /** Waits until no share is running any more, whatever became of it. */
        void settle() {
            for (CompletableFuture<List<T>> share : shares) {
                share.handle((result, failure) -> null).join();
            }
        }
    }

    @Override
    public void destroy() {
        if (workers != null) {
            workers.shutdownNow();
            ahead.shutdownNow();
        }
    }
}
