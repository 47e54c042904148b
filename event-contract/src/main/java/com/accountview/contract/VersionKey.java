package com.accountview.contract;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Which of two versions of one entity wins: the higher {@code sequence}; at an equal sequence a
 * delete over a non-delete; then the greater event id by Unicode code points (what PostgreSQL's
 * {@code "C"} collation compares in UTF-8). A total order over distinct events, so the result
 * depends only on the set of events, never on their delivery order (docs/events.md). The
 * projector's fold and its SQL version guard, and the reference fold, all apply this one order.
 * Immutable.
 *
 * @param sequence the event's {@code sequence}
 * @param deleted whether the version is a delete (or was deleted by a Kafka tombstone since)
 * @param eventId the CloudEvents id of the event that wrote the version
 */
public record VersionKey(BigInteger sequence, boolean deleted, String eventId) implements Comparable<VersionKey> {

    private static final Comparator<VersionKey> ORDER = Comparator.comparing(VersionKey::sequence)
            .thenComparing(VersionKey::deleted)
            .thenComparing(VersionKey::eventId, VersionKey::compareCodePoints);

    @Override
    public int compareTo(VersionKey other) {
        return ORDER.compare(this, other);
    }

    /** The same version, deleted by a Kafka tombstone: a tombstone keeps the version and the event. */
    public VersionKey tombstoned() {
        return new VersionKey(sequence, true, eventId);
    }

    /** Unicode code point order, which is UTF-8 byte order: what PostgreSQL's {@code "C"} collation compares. */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
