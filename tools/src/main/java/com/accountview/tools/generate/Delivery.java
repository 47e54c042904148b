package com.accountview.tools.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.accountview.tools.contract.OutgoingRecord;

/**
 * Turns one key's records, in version order, into the order they are delivered in: some events
 * delivered twice (the copy later than the original), some swapped with a later event of the same
 * key so that versions arrive non-monotonic. A closing tombstone stays last, because a tombstone's
 * effect depends on what came before it. Not thread-safe.
 */
final class Delivery {

    private final Randomness random;
    private final double duplicates;
    private final double outOfOrder;
    long duplicated;
    long swapped;

    Delivery(Randomness random, double duplicates, double outOfOrder) {
        this.random = random;
        this.duplicates = duplicates;
        this.outOfOrder = outOfOrder;
    }

    List<OutgoingRecord> order(List<OutgoingRecord> stream) {
        List<OutgoingRecord> events = new ArrayList<>(stream);
        OutgoingRecord tombstone = !events.isEmpty() && events.get(events.size() - 1).isTombstone()
                ? events.remove(events.size() - 1) : null;
        int originals = events.size();
        for (int i = 0; i + 1 < originals; i++) {
            if (random.chance(outOfOrder)) {
                Collections.swap(events, i, random.between(i + 1, Math.min(originals - 1, i + 3)));
                swapped++;
            }
        }
        for (OutgoingRecord original : List.copyOf(events)) {
            if (random.chance(duplicates)) {
                // the copy is the identical record, delivered again anywhere after the original
                events.add(random.between(positionOf(events, original) + 1, events.size()), original);
                duplicated++;
            }
        }
        if (tombstone != null) {
            events.add(tombstone);
        }
        return events;
    }

    private static int positionOf(List<OutgoingRecord> events, OutgoingRecord record) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == record) {
                return i;
            }
        }
        throw new IllegalStateException("record not in its own stream");
    }
}
