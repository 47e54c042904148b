package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapResponsesTest {

    private static final int SERVER = 18080;

    @TempDir
    Path directory;

    @Test
    void anExchangeLastsFromTheRequestsFirstPacketToTheAnswersLast() throws IOException {
        Capture capture = new Capture(ByteOrder.LITTLE_ENDIAN)
                .packet(1_000, 50000, SERVER, 80)      // the request
                .packet(1_200, SERVER, 50000, 0)       // the server's ACK carries no data
                .packet(2_000, SERVER, 50000, 100)     // the answer's headers
                .packet(4_000, SERVER, 50000, 1000);   // its body, 3 ms after the request

        Latencies latencies = PcapResponses.read(capture.write(directory.resolve("one.pcap")), SERVER);

        assertThat(latencies.count()).isEqualTo(1);
        assertThat(latencies.p50()).isCloseTo(3.0, within(0.05));
    }

    @Test
    void eachConnectionsExchangesFollowOneAnother() throws IOException {
        Capture capture = new Capture(ByteOrder.BIG_ENDIAN)
                .packet(0, 50000, SERVER, 80)
                .packet(500, 50001, SERVER, 80)
                .packet(1_000, SERVER, 50000, 100)     // 1 ms
                .packet(1_100, 50000, SERVER, 80)      // the next request on the same connection
                .packet(20_500, SERVER, 50001, 100)    // 20 ms
                .packet(3_100, SERVER, 50000, 100)     // 2 ms (packets of two connections in any order)
                .packet(30_000, 50000, SERVER, 80);    // unanswered when the capture ended: not counted

        Latencies latencies = PcapResponses.read(capture.write(directory.resolve("two.pcap")), SERVER);

        assertThat(latencies.count()).isEqualTo(3);
        assertThat(latencies.p50()).isCloseTo(2.0, within(0.05));
        assertThat(latencies.p99()).isCloseTo(20.0, within(0.05));
    }

    @Test
    void otherPortsAreNotTheServers() throws IOException {
        Capture capture = new Capture(ByteOrder.LITTLE_ENDIAN)
                .packet(0, 50000, 5432, 80)
                .packet(1_000, 5432, 50000, 100);

        assertThat(PcapResponses.read(capture.write(directory.resolve("other.pcap")), SERVER).count()).isZero();
    }

    @Test
    void aFileThatIsNoCaptureIsRefused() throws IOException {
        Path text = Files.writeString(directory.resolve("text.pcap"), "tcpdump: listening on lo, link-type EN10MB");

        assertThatThrownBy(() -> PcapResponses.read(text, SERVER)).isInstanceOf(IOException.class)
                .hasMessageContaining("no capture file");
    }

    /** A libpcap file of IPv4 TCP segments over Ethernet, microsecond timestamps, in either byte order. */
    private static final class Capture {
        private final ByteOrder order;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Capture(ByteOrder order) {
            this.order = order;
            ByteBuffer header = ByteBuffer.allocate(24).order(order)
                    .putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(1);
            bytes.writeBytes(header.array());
        }

        Capture packet(long micros, int sourcePort, int destinationPort, int payload) {
            int ipLength = 20 + 20 + payload;
            ByteBuffer frame = ByteBuffer.allocate(14 + 20 + 20); // captured without the payload, as with -s
            frame.position(12);
            frame.putShort((short) 0x0800);
            frame.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putInt(0).put((byte) 64).put((byte) 6)
                    .putShort((short) 0).putInt(0x7f000001).putInt(0x7f000001);
            frame.putShort((short) sourcePort).putShort((short) destinationPort).putInt(0).putInt(0)
                    .put((byte) 0x50).put((byte) 0x18).putShort((short) 0).putInt(0);
            ByteBuffer record = ByteBuffer.allocate(16).order(order)
                    .putInt((int) (1_700_000_000L + micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                    .putInt(frame.capacity()).putInt(14 + ipLength);
            bytes.writeBytes(record.array());
            bytes.writeBytes(frame.array());
            return this;
        }

        Path write(Path file) throws IOException {
            return Files.write(file, bytes.toByteArray());
        }
    }
}
