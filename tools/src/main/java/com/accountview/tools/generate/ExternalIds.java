package com.accountview.tools.generate;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands out external ids, unique within an organization for the whole history; organizations get
 * the same sequence of ids, so equal external ids in different organizations are the rule.
 * Not thread-safe.
 */
final class ExternalIds {

    private static final long FIRST = 100_000_000L;

    private final Map<String, Long> next = new HashMap<>();

    String next(String org) {
        long id = next.merge(org, 1L, Long::sum) - 1 + FIRST;
        return Long.toString(id);
    }
}
