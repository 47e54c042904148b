package com.accountview.tools.stack;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kafka-broker} (hidden): the local run's KRaft broker ({@link LocalKafka}) in a JVM of its
 * own, for the benchmark, which must not share a JVM with the broker it measures. Runs until its
 * standard input ends (the launcher that started it exited, however it exited) or it gets SIGTERM.
 */
@Command(name = "kafka-broker", hidden = true, mixinStandardHelpOptions = true,
        description = "Runs a single-node KRaft Kafka broker on 127.0.0.1 until standard input ends or SIGTERM.")
public final class KafkaBrokerCommand implements Callable<Integer> {

    @Option(names = "--log-dir", required = true, paramLabel = "DIR", description = "Kafka's log directory.")
    Path logDir;

    @Option(names = "--port", required = true, paramLabel = "PORT", description = "Broker port.")
    int port;

    @Option(names = "--controller-port", required = true, paramLabel = "PORT", description = "KRaft controller port.")
    int controllerPort;

    @Option(names = "--partitions", defaultValue = "1", paramLabel = "N", description = "Default partitions of new topics.")
    int partitions;

    @Option(names = "--log-file", required = true, paramLabel = "FILE", description = "Where the broker logs.")
    Path logFile;

    @Override
    public Integer call() throws Exception {
        LauncherLog.redirectTo(logFile);
        LocalKafka kafka = LocalKafka.start(logDir, port, controllerPort, partitions);
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                kafka.stop();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "kafka-broker-stop"));
        LauncherExit.await();
        stop.run();
        return 0;
    }
}
