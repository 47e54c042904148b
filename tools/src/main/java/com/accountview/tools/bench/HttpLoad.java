package com.accountview.tools.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.HdrHistogram.Histogram;

/**
 * The benchmark's HTTP load generator, in the manner of {@code wrk}: a fixed number of keep-alive
 * connections on one thread and one selector, each with exactly one request in flight; in a closed
 * loop the next request is sent as soon as the previous answer is complete, in an open loop (as
 * {@code wrk2}) when the {@link Arrivals} schedule it. Every answer's time from the
 * first byte written (open loop: from when the request was due) to the last byte read goes into a
 * histogram. One thread and no per-request
 * objects beyond the request's text and the answer's headers keep its CPU per request (reported with
 * every window) well below the service's, which matters on a machine whose cores the service under
 * test needs. Not thread-safe: one window at a time.
 */
final class HttpLoad {

    /** Which endpoint a connection asks for next. */
    @FunctionalInterface
    interface EndpointChoice {
        Endpoint next(int connection, long sent);

        static EndpointChoice only(Endpoint endpoint) {
            return (connection, sent) -> endpoint;
        }

        /** The three endpoints in turn on every connection, shifted per connection. */
        static EndpointChoice inTurn() {
            Endpoint[] all = Endpoint.values();
            return (connection, sent) -> all[(int) ((connection + sent) % all.length)];
        }
    }

    /** How long answers still in flight when the window ends are waited for; later ones are dropped. */
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** How often a connection that could not be opened is tried again. */
    private static final Duration RETRY = Duration.ofMillis(100);

    private final InetSocketAddress address;
    private final String hostHeader;

    HttpLoad(int port) {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.hostHeader = "127.0.0.1:" + port;
    }

    private final class Connection {
        final int index;
        final SplittableRandom random;
        SocketChannel channel;
        SelectionKey key;
        ByteBuffer out;
        byte[] in = new byte[16 * 1024];
        int received;
        /** When the request in flight was sent (closed loop) or due (open loop): its latency counts from here. */
        long measuredFrom;
        /** When the next request is due: in a closed loop, as soon as the previous answer is complete. */
        long due;
        long sent;
        /** When the previous answer was complete: a request due after it waited for nothing but this thread. */
        long answeredAt;

        Connection(int index) {
            this.index = index;
            this.random = new SplittableRandom(31L * index + 7);
        }
    }

    /** Load on {@code arrivals.clients()} connections for exactly {@code duration}: a closed loop, or an open one when the arrivals have a rate. */
    LoadWindow run(Arrivals arrivals, Duration duration, KeyRange keys, EndpointChoice choice) throws IOException {
        return run(arrivals, duration, () -> false, keys, choice);
    }

    /**
     * Load until {@code stop} says so (asked about every 100 ms at the latest), for {@code longest} at
     * most. Every failure counts as an error: an answer other than 200 or 404 (also one that arrives
     * after the window, to a request sent in it), a connection that breaks or cannot be opened; a
     * connection that cannot be opened is tried again every {@link #RETRY}. In an open loop a request
     * due while its connection still waits for the previous answer is sent right after that answer,
     * and its latency counts from when it was due; a {@link SelectorAlarm} wakes the selector when the next
     * request is due.
     */
    LoadWindow run(Arrivals arrivals, Duration longest, BooleanSupplier stop, KeyRange keys, EndpointChoice choice)
            throws IOException {
        Histogram latencies = Latencies.microsecondsHistogram();
        Histogram lateness = Latencies.microsecondsHistogram();
        Map<Integer, Long> statuses = new HashMap<>();
        long errors = 0;
        // a closed loop sends on answers only: it needs no alarm (a null resource is not closed)
        try (Selector selector = Selector.open(); SelectorAlarm alarm = arrivals.open() ? new SelectorAlarm(selector) : null) {
            int connections = arrivals.clients();
            Connection[] all = new Connection[connections];
            List<Connection> unconnected = new ArrayList<>();
            List<Connection> waiting = new ArrayList<>();
            long start = System.nanoTime();
            long deadline = start + longest.toNanos();
            for (int i = 0; i < connections; i++) {
                all[i] = new Connection(i);
                all[i].due = arrivals.open() ? arrivals.nextDue(start, all[i].random) : start;
                unconnected.add(all[i]);
            }
            int open = connections;
            long retryAt = start;
            while (open > 0 && System.nanoTime() < deadline + GRACE.toNanos()) {
                if (System.nanoTime() < deadline && stop.getAsBoolean()) {
                    deadline = System.nanoTime();
                }
                boolean retry = System.nanoTime() >= retryAt;
                for (Iterator<Connection> it = unconnected.iterator(); it.hasNext(); ) {
                    Connection connection = it.next();
                    if (System.nanoTime() >= deadline) {
                        it.remove();
                        open--;
                    } else if (retry) {
                        try {
                            connect(connection, selector);
                            it.remove();
                            waiting.add(connection);
                        } catch (IOException e) {
                            errors++;
                            close(connection);
                            retryAt = System.nanoTime() + RETRY.toNanos();
                        }
                    }
                }
                long nextDue = Long.MAX_VALUE;
                for (Iterator<Connection> it = waiting.iterator(); it.hasNext(); ) {
                    Connection connection = it.next();
                    long now = System.nanoTime();
                    if (connection.due >= deadline) {
                        it.remove();
                        close(connection);
                        open--;
                    } else if (connection.due <= now) {
                        it.remove();
                        if (arrivals.open() && connection.due > connection.answeredAt && now <= deadline) {
                            lateness.recordValue(Math.max(1, (now - connection.due) / 1000));
                        }
                        try {
                            send(connection, keys, choice, arrivals.open() ? connection.due : now);
                        } catch (IOException e) {
                            errors++;
                            close(connection);
                            unconnected.add(connection);
                        }
                    } else {
                        nextDue = Math.min(nextDue, connection.due);
                    }
                }
                if (alarm != null && nextDue != Long.MAX_VALUE) {
                    alarm.wakeAt(nextDue);
                }
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    try {
                        if (key.isValid() && key.isWritable()) {
                            connection.channel.write(connection.out);
                            if (!connection.out.hasRemaining()) {
                                key.interestOps(SelectionKey.OP_READ);
                            }
                        }
                        if (!key.isValid() || !key.isReadable()) {
                            continue;
                        }
                        HttpResponses.Response response = read(connection);
                        if (response == null) {
                            continue;
                        }
                        long now = System.nanoTime();
                        connection.answeredAt = now;
                        if (response.status() != 200 && response.status() != 404) {
                            errors++;
                        }
                        if (now <= deadline) {
                            latencies.recordValue(Math.max(1, (now - connection.measuredFrom) / 1000));
                            statuses.merge(response.status(), 1L, Long::sum);
                        }
                        if (now >= deadline) {
                            close(connection);
                            open--;
                            continue;
                        }
                        if (response.close()) {
                            close(connection);
                            connect(connection, selector);
                        }
                        connection.due = arrivals.open() ? arrivals.nextDue(connection.due, connection.random) : now;
                        waiting.add(connection); // sent in the next turn, as soon as it is due
                    } catch (IOException e) {
                        errors++;
                        close(connection);
                        unconnected.add(connection); // tried again at once, or counted as done after the window
                    }
                }
                selector.selectedKeys().clear();
            }
            for (Connection connection : all) {
                close(connection);
            }
            return new LoadWindow("HTTP load generator", Duration.ofNanos(deadline - start), latencies.getTotalCount(),
                    errors, statuses, Latencies.of(latencies), arrivals.open() ? Latencies.of(lateness) : Latencies.NONE);
        }
    }

    /** Reads what arrived; the complete answer, if it is all here now. */
    private static HttpResponses.Response read(Connection connection) throws IOException {
        if (connection.received == connection.in.length) {
            connection.in = Arrays.copyOf(connection.in, connection.in.length * 2);
        }
        int read = connection.channel.read(ByteBuffer.wrap(connection.in, connection.received,
                connection.in.length - connection.received));
        if (read < 0) {
            HttpResponses.Response last = HttpResponses.parseAtEnd(connection.in, connection.received);
            if (last == null) {
                throw new IOException("the server closed the connection mid-answer");
            }
            connection.received = 0;
            return new HttpResponses.Response(last.status(), last.length(), true);
        }
        connection.received += read;
        HttpResponses.Response response = HttpResponses.parse(connection.in, connection.received);
        if (response != null) {
            // one request in flight: nothing can follow the answer
            connection.received = 0;
        }
        return response;
    }

    private void connect(Connection connection, Selector selector) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(address);
        channel.configureBlocking(false);
        connection.channel = channel;
        connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
        connection.received = 0;
    }

    /** Sends the connection's next request; its latency counts from {@code measuredFrom}. */
    private void send(Connection connection, KeyRange keys, EndpointChoice choice, long measuredFrom) throws IOException {
        Endpoint endpoint = choice.next(connection.index, connection.sent++);
        String request = "GET " + endpoint.path(keys.orgId(), keys.draw(connection.random)) + " HTTP/1.1\r\n"
                + "Host: " + hostHeader + "\r\n"
                + "Accept: application/json\r\n"
                + "x-auth-roles: API_KEY\r\n\r\n";
        connection.out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
        connection.measuredFrom = measuredFrom;
        connection.channel.write(connection.out);
        if (connection.out.hasRemaining()) {
            connection.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    private static void close(Connection connection) {
        try {
            if (connection.channel != null) {
                connection.channel.close();
            }
        } catch (IOException e) {
            // closing a broken connection: nothing to do
        }
    }
}
