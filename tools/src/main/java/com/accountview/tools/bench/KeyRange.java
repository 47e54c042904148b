package com.accountview.tools.bench;

import java.util.SplittableRandom;

/**
 * The keys the query load asks for: external ids {@code first..last} of one organization, drawn
 * uniformly, by the HTTP load and the baseline alike. The generator hands out external ids as
 * consecutive numbers, so most of them resolve to one live account and some to none (moved away,
 * deleted): both sides answer the same mix. Immutable.
 */
record KeyRange(String orgId, long first, long last) {

    KeyRange {
        if (last < first) {
            throw new IllegalArgumentException("empty key range " + first + ".." + last);
        }
    }

    String draw(SplittableRandom random) {
        return Long.toString(random.nextLong(first, last + 1));
    }
}
