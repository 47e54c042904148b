package com.accountview.projector.events;

/**
 * A string value of the JSON being parsed, seen where the parser holds its characters, valid only
 * until the parser's next token. Ids, timestamps, statuses and the constant attributes are read
 * from it without a {@code String} each (a fifth of the decoder's allocation, docs/performance.md).
 * Not {@code java.nio.CharBuffer}, which checks its position and limit in every {@code charAt}.
 *
 * @param buffer the parser's buffer, not copied
 */
record ParsedChars(char[] buffer, int offset, int length) implements CharSequence {

    @Override
    public char charAt(int index) {
        return buffer[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new ParsedChars(buffer, offset + start, end - start);
    }

    @Override
    public String toString() {
        return new String(buffer, offset, length);
    }
}
