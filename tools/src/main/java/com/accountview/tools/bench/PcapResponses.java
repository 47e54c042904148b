package com.accountview.tools.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * The time a server took for each HTTP/1.1 exchange, read from a capture file in the libpcap format
 * ({@code tcpdump -w}): from the first packet of a request to the last packet of its answer, as the
 * kernel saw them. A connection carries one exchange at a time (no pipelining), so a client's next
 * payload packet after an answer starts the next request. A request still unanswered when the capture
 * ends is not counted. Reads IPv4 and IPv6 over Ethernet (tcpdump's {@code lo}) or Linux cooked captures.
 * Stateless.
 */
final class PcapResponses {

    private static final int MICROSECONDS_MAGIC = 0xa1b2c3d4;
    private static final int NANOSECONDS_MAGIC = 0xa1b23c4d;
    private static final int ETHERNET = 1;
    private static final int LINUX_COOKED = 113;
    private static final int LINUX_COOKED_V2 = 276;
    private static final int IPV4 = 0x0800;
    private static final int IPV6 = 0x86dd;
    private static final int TCP = 6;

    private PcapResponses() {
    }

    /** Each exchange with {@code serverPort} in {@code file}, in milliseconds. */
    static Latencies read(Path file, int serverPort) throws IOException {
        Histogram micros = Latencies.microsecondsHistogram();
        Map<Integer, Exchange> connections = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream data = new DataInputStream(in);
            ByteBuffer header = ByteBuffer.wrap(data.readNBytes(24));
            if (header.remaining() < 24) {
                throw new IOException(file + " is no capture file: shorter than a pcap header");
            }
            int magic = header.getInt(0);
            if (Integer.reverseBytes(magic) == MICROSECONDS_MAGIC || Integer.reverseBytes(magic) == NANOSECONDS_MAGIC) {
                header.order(ByteOrder.LITTLE_ENDIAN);
                magic = Integer.reverseBytes(magic);
            }
            if (magic != MICROSECONDS_MAGIC && magic != NANOSECONDS_MAGIC) {
                throw new IOException(file + " is no capture file in the libpcap format");
            }
            long unitsPerMicro = magic == NANOSECONDS_MAGIC ? 1000 : 1;
            int linkType = header.getInt(20);
            ByteBuffer record = ByteBuffer.allocate(16).order(header.order());
            while (true) {
                byte[] recordHeader = data.readNBytes(16);
                if (recordHeader.length < 16) {
                    break;
                }
                record.clear();
                record.put(recordHeader).flip();
                long micro = (record.getInt(0) & 0xffffffffL) * 1_000_000 + (record.getInt(4) & 0xffffffffL) / unitsPerMicro;
                byte[] packet = new byte[record.getInt(8)];
                try {
                    data.readFully(packet);
                } catch (EOFException e) {
                    break; // tcpdump stopped in the middle of a record
                }
                segment(ByteBuffer.wrap(packet), linkType).ifPayload(serverPort, (clientPort, fromClient) ->
                        connections.computeIfAbsent(clientPort, port -> new Exchange()).saw(micro, fromClient, micros));
            }
        }
        connections.values().forEach(exchange -> exchange.finish(micros));
        return Latencies.of(micros);
    }

    /** One TCP segment's ports and whether it carries data; {@link #NONE} for anything else. */
    private record Segment(int sourcePort, int destinationPort, boolean payload) {

        static final Segment NONE = new Segment(-1, -1, false);

        void ifPayload(int serverPort, PayloadConsumer consumer) {
            if (!payload) {
                return;
            }
            if (destinationPort == serverPort) {
                consumer.accept(sourcePort, true);
            } else if (sourcePort == serverPort) {
                consumer.accept(destinationPort, false);
            }
        }
    }

    @FunctionalInterface
    private interface PayloadConsumer {
        void accept(int clientPort, boolean fromClient);
    }

    private static Segment segment(ByteBuffer packet, int linkType) throws IOException {
        int network;
        int protocol;
        switch (linkType) {
            case ETHERNET -> {
                network = 14;
                protocol = unsignedShort(packet, 12);
            }
            case LINUX_COOKED -> {
                network = 16;
                protocol = unsignedShort(packet, 14);
            }
            case LINUX_COOKED_V2 -> {
                network = 20;
                protocol = unsignedShort(packet, 0);
            }
            default -> throw new IOException("capture link type " + linkType + " is not read here (Ethernet or Linux cooked)");
        }
        if (protocol == IPV4 && packet.limit() >= network + 20 && packet.get(network + 9) == TCP) {
            int headerLength = (packet.get(network) & 0x0f) * 4;
            int totalLength = unsignedShort(packet, network + 2);
            return tcp(packet, network + headerLength, network + totalLength);
        }
        if (protocol == IPV6 && packet.limit() >= network + 40 && packet.get(network + 6) == TCP) {
            return tcp(packet, network + 40, network + 40 + unsignedShort(packet, network + 4));
        }
        return Segment.NONE;
    }

    /** The TCP segment at {@code start}; {@code end} from the IP header, since a short capture cuts the payload off. */
    private static Segment tcp(ByteBuffer packet, int start, int end) {
        if (packet.limit() < start + 13) {
            return Segment.NONE;
        }
        int dataOffset = ((packet.get(start + 12) & 0xf0) >> 4) * 4;
        return new Segment(unsignedShort(packet, start), unsignedShort(packet, start + 2), end > start + dataOffset);
    }

    private static int unsignedShort(ByteBuffer packet, int index) {
        return packet.getShort(index) & 0xffff;
    }

    /** One connection's exchange in progress. */
    private static final class Exchange {
        private long requestStart = -1;
        private long answerEnd = -1;

        void saw(long micro, boolean fromClient, Histogram micros) {
            if (fromClient) {
                if (answerEnd >= 0) {
                    finish(micros);
                }
                if (requestStart < 0) {
                    requestStart = micro;
                }
            } else if (requestStart >= 0) {
                answerEnd = micro;
            }
        }

        void finish(Histogram micros) {
            if (requestStart >= 0 && answerEnd >= 0) {
                micros.recordValue(Math.max(0, answerEnd - requestStart));
            }
            requestStart = -1;
            answerEnd = -1;
        }
    }
}
