package com.accountview.tools.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.accountview.tools.publish.TopicNames;
import com.accountview.tools.stack.LauncherExit;
import com.accountview.tools.stack.LocalPostgres;
import net.jpountz.lz4.LZ4Factory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-ceiling} (hidden): the benchmark's plain single-threaded projection
 * ({@link CeilingProjection}) in a JVM of its own, so that its CPU time can be measured like the
 * projector's. Runs until its standard input ends (the benchmark exited, however) or SIGTERM.
 */
@Command(name = "bench-ceiling", hidden = true, mixinStandardHelpOptions = true,
        description = "The benchmark's plain single-threaded projection: Kafka -> fold per key -> one upsert per batch.")
public final class CeilingCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT")
    String bootstrapServers;

    @Option(names = "--group", required = true, paramLabel = "GROUP", description = "Kafka consumer group.")
    String group;

    @Option(names = "--accounts-topic", required = true, paramLabel = "TOPIC")
    String accountsTopic;

    @Option(names = "--contracts-topic", required = true, paramLabel = "TOPIC")
    String contractsTopic;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL", description = "Its own database (tables created if missing).")
    String jdbcUrl;

    @Option(names = "--max-poll-records", defaultValue = "5000", paramLabel = "N",
            description = "Records per poll, so per batch (default: ${DEFAULT-VALUE}).")
    int maxPollRecords;

    @Override
    public Integer call() throws Exception {
        useNativeLz4();
        CeilingProjection projection = new CeilingProjection(bootstrapServers, group,
                new TopicNames(accountsTopic, contractsTopic), jdbcUrl, maxPollRecords);
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            projection.stop();
            awaitQuietly(done);
        }, "bench-ceiling-stop"));
        Thread input = new Thread(() -> {
            LauncherExit.await();
            projection.stop();
        }, "bench-ceiling-input");
        input.setDaemon(true);
        input.start();
        try {
            projection.run(LocalPostgres.USER, LocalPostgres.PASSWORD);
        } finally {
            done.countDown();
        }
        return 0;
    }

    /**
     * As a plain program on a class path decompresses LZ4 batches, and as the projector does: with
     * lz4-java's native library, which lz4-java loads by itself only from the system class loader,
     * not from this executable jar's (docs/performance.md).
     */
    private static void useNativeLz4() {
        try {
            LZ4Factory.nativeInstance();
        } catch (LinkageError | RuntimeException e) {
            System.err.println("bench-ceiling: LZ4 batches are decompressed in Java: " + e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
