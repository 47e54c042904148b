package com.accountview.query.errors;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The trace id of a request: the trace id of an incoming W3C {@code traceparent} header when it is
 * well formed, otherwise a fresh random one. Kept as a request attribute so that an error
 * dispatch of the same request reports the same id. Stateless and thread-safe.
 */
final class TraceIds {

    /** Name of the request attribute and of the logging MDC key. */
    static final String KEY = "trace_id";

    /**
     * W3C Trace Context: version, trace id, parent id, flags; a version after {@code 00} may add
     * fields after a dash, which a reader of version {@code 00} ignores.
     */
    private static final Pattern TRACEPARENT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(-.*)?");
    private static final String VERSION_00 = "00";
    private static final String INVALID_VERSION = "ff";
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_PARENT_ID = "0".repeat(16);
    private static final HexFormat HEX = HexFormat.of();

    private TraceIds() {
    }

    /** The request's trace id, assigning one on first use. */
    static String of(HttpServletRequest request) {
        if (request.getAttribute(KEY) instanceof String id) {
            return id;
        }
        String id = fromTraceparent(request.getHeader("traceparent"));
        request.setAttribute(KEY, id);
        return id;
    }

    static String fromTraceparent(String traceparent) {
        if (traceparent != null) {
            var matcher = TRACEPARENT.matcher(traceparent.trim());
            if (matcher.matches()
                    && !matcher.group(1).equals(INVALID_VERSION)
                    && !(matcher.group(1).equals(VERSION_00) && matcher.group(4) != null)
                    && !matcher.group(2).equals(INVALID_TRACE_ID)
                    && !matcher.group(3).equals(INVALID_PARENT_ID)) {
                return matcher.group(2);
            }
        }
        return fresh();
    }

    /**
     * 128 random bits, never all zero (an invalid W3C trace id). A trace id names a request, it
     * guards nothing, so it comes from the thread's own generator instead of the shared
     * {@code SecureRandom} of {@code UUID.randomUUID()}, which every request would queue for.
     */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high;
        long low;
        do {
            high = random.nextLong();
            low = random.nextLong();
        } while (high == 0 && low == 0);
        return HEX.toHexDigits(high) + HEX.toHexDigits(low);
    }
}
