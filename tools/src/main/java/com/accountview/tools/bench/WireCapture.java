package com.accountview.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.accountview.tools.stack.LocalStackException;

/**
 * tcpdump capturing one TCP port on the loopback interface for the length of a query window, and
 * what it saw: the server's time on the wire for each exchange ({@link PcapResponses}), which holds
 * the whole server (its network stack hand-overs included) and nothing of the load generator's own
 * scheduling. Only packet headers and the first bytes are kept ({@code -s 128}); the file is deleted
 * once read. Capturing takes the capability to (root, or {@code CAP_NET_RAW}). Not thread-safe.
 */
final class WireCapture {

    private static final Duration LISTENING_WITHIN = Duration.ofSeconds(10);
    private static final Duration FLUSHED_WITHIN = Duration.ofMillis(1500);
    private static final Pattern DROPPED = Pattern.compile("([0-9]+) packets? dropped by kernel");

    private final Process process;
    private final Path file;
    private final Path log;
    private final int port;

    private WireCapture(Process process, Path file, Path log, int port) {
        this.process = process;
        this.file = file;
        this.log = log;
        this.port = port;
    }

    /** What one capture saw: each exchange's time on the wire, and packets the kernel dropped (then some are missing). */
    record Result(Latencies latencies, long droppedPackets) {

        static final Result NONE = new Result(Latencies.NONE, 0);
    }

    /** Starts tcpdump on {@code port} into {@code directory} and returns once it is capturing. */
    static WireCapture start(Path tcpdump, int port, Path directory, String name) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path file = directory.resolve(name + ".pcap");
        Path log = directory.resolve(name + ".log");
        // -U: each packet tcpdump receives is written at once, not held in its output buffer; -B: 16 MiB of
        // kernel buffer (see stop() for what the kernel still holds)
        Process process = new ProcessBuilder(tcpdump.toString(), "-i", "lo", "-n", "-U", "-B", "16384", "-s", "128",
                "-w", file.toString(), "tcp port " + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        WireCapture capture = new WireCapture(process, file, log, port);
        long deadline = System.nanoTime() + LISTENING_WITHIN.toNanos();
        while (!capture.said("listening on")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                String said = String.join(" ", Files.readAllLines(log)).strip();
                capture.delete();
                throw new LocalStackException("tcpdump could not capture on lo (--wire-latency needs root or CAP_NET_RAW): "
                        + said);
            }
            Thread.sleep(20);
        }
        return capture;
    }

    /** Stops tcpdump, reads its file and deletes it and tcpdump's log. */
    Result stop() throws IOException, InterruptedException {
        // The kernel hands captured packets to tcpdump a buffer block at a time, at the latest after
        // tcpdump's timeout (a second); what is still in the kernel when tcpdump stops is lost, uncounted.
        // Waiting, not --immediate-mode, which would wake tcpdump for every packet on the shared cores.
        Thread.sleep(FLUSHED_WITHIN.toMillis());
        process.destroy(); // SIGTERM: tcpdump writes out what it holds and its counts
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try {
            Matcher dropped = DROPPED.matcher(String.join("\n", Files.readAllLines(log)));
            return new Result(PcapResponses.read(file, port), dropped.find() ? Long.parseLong(dropped.group(1)) : 0);
        } finally {
            delete();
        }
    }

    /** Stops tcpdump without reading what it saw, and deletes its files: for a trial, or a window that failed. */
    void abandon() throws IOException, InterruptedException {
        process.destroyForcibly().waitFor();
        delete();
    }

    private void delete() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(log);
    }

    private boolean said(String text) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.stream().anyMatch(line -> line.contains(text));
    }
}
