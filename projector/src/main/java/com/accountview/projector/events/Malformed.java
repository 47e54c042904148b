package com.accountview.projector.events;

import java.time.Instant;

import com.accountview.contract.Instants;

/**
 * Builds the {@link UnableToDecodeEventException}s of the decoder with messages that say exactly
 * what failed; they end up in the dead-letter headers, so offending values are quoted, escaped
 * and cut to a bounded length.
 */
final class Malformed {

    private static final int MAX_QUOTED_LENGTH = 120;

    private Malformed() {
    }

    static UnableToDecodeEventException because(String message) {
        return new UnableToDecodeEventException(message);
    }

    static UnableToDecodeEventException because(String message, Throwable cause) {
        return new UnableToDecodeEventException(message, cause);
    }

    /** E.g. {@code attribute 'sequence' is not a non-negative decimal integer: "7a"}. */
    static UnableToDecodeEventException attribute(String name, String problem, Object value) {
        return because("attribute '" + name + "' " + problem + ": " + quote(value));
    }

    static UnableToDecodeEventException missingAttribute(String name) {
        return because("missing required attribute '" + name + "'");
    }

    /**
     * A timestamp of the contract ({@link Instants}), or the reason it is not one.
     *
     * @param what how the message names the value, e.g. {@code attribute 'time'}
     */
    static Instant instant(String what, String text) {
        try {
            return Instants.parse(text);
        } catch (IllegalArgumentException e) {
            throw because(what + " " + e.getMessage() + ": " + quote(text), e);
        }
    }

    /** JSON text as it appears in a message: cut to a bounded length (it is escaped already). */
    static String cut(String json) {
        return json.length() <= MAX_QUOTED_LENGTH ? json
                : json.substring(0, MAX_QUOTED_LENGTH) + "...(" + json.length() + " chars)";
    }

    /** A value as it appears in a message: text in double quotes, escaped; numbers and others as they print. */
    static String quote(Object value) {
        if (!(value instanceof CharSequence text)) {
            return String.valueOf(value);
        }
        StringBuilder quoted = new StringBuilder("\"");
        int length = Math.min(text.length(), MAX_QUOTED_LENGTH);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        if (text.length() > MAX_QUOTED_LENGTH) {
            quoted.append("...(").append(text.length()).append(" chars)");
        }
        return quoted.append('"').toString();
    }
}
