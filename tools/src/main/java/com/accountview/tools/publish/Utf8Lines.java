package com.accountview.tools.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of an events file, strictly UTF-8: a line ends at LF, and a CR right before it (or before
 * the end of the file) belongs to the line ending; a UTF-8 byte order mark before the first line is
 * skipped. Bytes that are not UTF-8 text, or a NUL byte (UTF-16 text read as UTF-8 is full of them),
 * end the reading with {@code line N: not UTF-8 text}: reading on would report every line of such a
 * file as broken JSON. Not thread-safe.
 */
final class Utf8Lines {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private int number;
    private boolean startsLikeUtf16;

    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    int number() {
        return number;
    }

    /** The next line without its line ending, or {@code null} at the end of the file. */
    String next() throws IOException {
        line.reset();
        boolean ended = false;
        while (!ended) {
            if (position == limit && !fill()) {
                if (line.size() == 0) {
                    return null;
                }
                break;
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.write(buffer, start, position - start);
            if (position < limit) {
                position++; // the LF
                ended = true;
            }
        }
        number++;
        return decode(line.toByteArray());
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    private String decode(byte[] bytes) {
        int from = number == 1 && startsWith(bytes, BOM) ? BOM.length : 0;
        int to = bytes.length > from && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        if (number == 1) {
            startsLikeUtf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                    || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
        }
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
            if (text.indexOf('\0') >= 0) {
                throw notUtf8(true);
            }
            return text;
        } catch (CharacterCodingException e) {
            throw notUtf8(startsLikeUtf16);
        }
    }

    private PublishFailedException notUtf8(boolean utf16) {
        return new PublishFailedException("line " + number + ": not UTF-8 text (events files are UTF-8; convert the file "
                + "first, e.g. iconv -f " + (utf16 ? "UTF-16" : "LATIN1") + " -t UTF-8)");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
