package com.accountview.tools.bench;

import java.nio.charset.StandardCharsets;

/**
 * Finds where one HTTP/1.1 response ends in the bytes received so far on a keep-alive connection,
 * and its status: the load generator's whole understanding of HTTP. Bodies are delimited by
 * {@code Content-Length} or {@code Transfer-Encoding: chunked}; a response with neither ends when
 * the server closes the connection. Stateless and thread-safe.
 */
final class HttpResponses {

    private HttpResponses() {
    }

    /**
     * One complete response.
     *
     * @param status its status code
     * @param length how many bytes it took, from the start of the status line
     * @param close whether the server closes the connection after it ({@code Connection: close})
     */
    record Response(int status, int length, boolean close) {
    }

    /** The response that starts at {@code bytes[0]}, if {@code bytes[0..available)} holds all of it; else null. */
    static Response parse(byte[] bytes, int available) {
        return parse(bytes, available, false);
    }

    /**
     * Like {@link #parse(byte[], int)}, after the server closed the connection: a response without
     * a length ends there.
     */
    static Response parseAtEnd(byte[] bytes, int available) {
        return parse(bytes, available, true);
    }

    private static Response parse(byte[] bytes, int available, boolean ended) {
        int headersEnd = indexOf(bytes, 0, available, "\r\n\r\n");
        if (headersEnd < 0) {
            return null;
        }
        int bodyStart = headersEnd + 4;
        String head = new String(bytes, 0, headersEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        int status = status(lines[0]);
        long contentLength = -1;
        boolean chunked = false;
        boolean close = lines[0].startsWith("HTTP/1.0");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim();
            String value = lines[i].substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("transfer-encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        if (chunked) {
            int end = chunkedEnd(bytes, bodyStart, available);
            return end < 0 ? null : new Response(status, end, close);
        }
        if (contentLength >= 0) {
            long end = bodyStart + contentLength;
            return end > available ? null : new Response(status, (int) end, close);
        }
        if (status == 204 || status == 304 || status / 100 == 1) {
            return new Response(status, bodyStart, close);
        }
        return ended ? new Response(status, available, true) : null;
    }

    private static int status(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IllegalStateException("not an HTTP response: " + statusLine);
        }
        return Integer.parseInt(parts[1]);
    }

    /** The end of a chunked body starting at {@code from}: after the last chunk and the trailers; -1 if not all here. */
    private static int chunkedEnd(byte[] bytes, int from, int available) {
        int position = from;
        while (true) {
            int lineEnd = indexOf(bytes, position, available, "\r\n");
            if (lineEnd < 0) {
                return -1;
            }
            String sizeLine = new String(bytes, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int extension = sizeLine.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            position = lineEnd + 2;
            if (size == 0) {
                // trailers, if any, then an empty line
                while (true) {
                    int trailerEnd = indexOf(bytes, position, available, "\r\n");
                    if (trailerEnd < 0) {
                        return -1;
                    }
                    if (trailerEnd == position) {
                        return position + 2;
                    }
                    position = trailerEnd + 2;
                }
            }
            position += size + 2;
            if (position > available) {
                return -1;
            }
        }
    }

    private static int indexOf(byte[] bytes, int from, int to, String ascii) {
        int length = ascii.length();
        outer:
        for (int i = from; i <= to - length; i++) {
            for (int j = 0; j < length; j++) {
                if (bytes[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
