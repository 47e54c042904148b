package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HttpResponsesTest {

    private static final String WITH_LENGTH = "HTTP/1.1 200 \r\nContent-Type: application/json\r\nContent-Length: 8\r\n\r\n{\"id\":1}";
    private static final String CHUNKED = "HTTP/1.1 404 \r\ncontent-type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\n{\"a\":\r\n4;ext=1\r\n 1}\n\r\n0\r\n\r\n";

    @Test
    void aBodyWithAContentLengthEndsAfterThatManyBytes() {
        byte[] bytes = bytes(WITH_LENGTH);

        assertThat(HttpResponses.parse(bytes, bytes.length)).isEqualTo(new HttpResponses.Response(200, bytes.length, false));
        assertThat(HttpResponses.parse(bytes, bytes.length - 1)).as("one byte short").isNull();
        assertThat(HttpResponses.parse(bytes, 20)).as("headers incomplete").isNull();
    }

    @Test
    void aChunkedBodyEndsAfterTheLastChunk() {
        byte[] bytes = bytes(CHUNKED);

        assertThat(HttpResponses.parse(bytes, bytes.length)).isEqualTo(new HttpResponses.Response(404, bytes.length, false));
        for (int cut = 0; cut < bytes.length; cut++) {
            assertThat(HttpResponses.parse(bytes, cut)).as("the first %d bytes", cut).isNull();
        }
    }

    @Test
    void trailersAfterTheLastChunkBelongToTheResponse() {
        byte[] bytes = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\nX-Trailer: 1\r\n\r\n");

        assertThat(HttpResponses.parse(bytes, bytes.length)).isEqualTo(new HttpResponses.Response(200, bytes.length, false));
        assertThat(HttpResponses.parse(bytes, bytes.length - 2)).isNull();
    }

    @Test
    void theServerClosingTheConnectionIsNoticed() {
        byte[] bytes = bytes("HTTP/1.1 503 \r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}");

        assertThat(HttpResponses.parse(bytes, bytes.length)).isEqualTo(new HttpResponses.Response(503, bytes.length, true));
    }

    @Test
    void aResponseWithoutALengthEndsWhenTheConnectionDoes() {
        byte[] bytes = bytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello");

        assertThat(HttpResponses.parse(bytes, bytes.length)).isNull();
        assertThat(HttpResponses.parseAtEnd(bytes, bytes.length)).isEqualTo(new HttpResponses.Response(200, bytes.length, true));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
