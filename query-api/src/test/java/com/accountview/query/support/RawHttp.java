package com.accountview.query.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes exactly as given over a socket, for requests that no well-behaved HTTP client would
 * send (raw non-ASCII in the request line, invalid characters, oversized headers), and reads the
 * whole response of a {@code Connection: close} exchange.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public static Response send(int port, byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return Response.parse(out.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends the request and resets the connection at once ({@code SO_LINGER} 0), without reading
     * anything: a client that hangs up while the service writes its answer.
     */
    public static void sendAndReset(int port, byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoLinger(true, 0);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request line plus headers and {@code Connection: close}, as raw bytes (UTF-8 where non-ASCII). */
    public static byte[] request(String requestLine, String... headerLines) {
        StringBuilder text = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
        for (String header : headerLines) {
            text.append(header).append("\r\n");
        }
        text.append("Connection: close\r\n\r\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Status, header block and (de-chunked when needed) body of a raw response. */
    public record Response(int status, String headers, String body) {

        static Response parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String body = end < 0 ? "" : raw.substring(end + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Response(status, head, body);
        }

        public String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        private static String dechunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }
    }
}
