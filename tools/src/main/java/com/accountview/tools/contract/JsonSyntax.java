package com.accountview.tools.contract;

import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;

/**
 * A JSON syntax error said the way a person editing the line needs it: where (the column) and what
 * was expected, without the parser's internals (its source description, feature names, Java types).
 * Stateless.
 */
final class JsonSyntax {

    /** Jackson's "(start marker at [Source: REDACTED (...); byte offset: #UNKNOWN])" and the like. */
    private static final Pattern SOURCE_LOCATION = Pattern.compile(" ?\\([^()]*\\[Source: [^\\]]*\\]\\)");

    private JsonSyntax() {
    }

    static String describe(JacksonException error, String line) {
        String message = error.getOriginalMessage();
        // FAIL_ON_TRAILING_TOKENS names a Java type and a feature flag: what it means is a second value
        String what = message.startsWith("Trailing token")
                ? "more text after the end of the JSON value (one event per line)"
                : SOURCE_LOCATION.matcher(message).replaceAll("");
        long column = error.getLocation() == null ? -1 : error.getLocation().getColumnNr();
        return "not valid JSON" + (column > 0 ? " at column " + column : "") + ": " + what + arrayHint(line);
    }

    /** A file holding a JSON array of events, or one line of one, is the likeliest mistake after pretty-printing. */
    static String arrayHint(String line) {
        return line.stripLeading().startsWith("[")
                ? " (an events file holds one JSON object per line, JSON Lines, not a JSON array)" : "";
    }
}
