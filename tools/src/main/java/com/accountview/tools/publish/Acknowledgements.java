package com.accountview.tools.publish;

import java.util.BitSet;

/**
 * Which of the records handed to Kafka it acknowledged, by their number in the order they were
 * handed over (from 0). Records of different partitions are acknowledged in any order, so after a
 * failure the count alone does not say which records landed; the first record not acknowledged does:
 * every record before it is published, and of the records from it on none is known to be. Thread-safe:
 * the producer's I/O thread acknowledges while the caller hands over more.
 */
final class Acknowledgements {

    private final BitSet acknowledged = new BitSet();
    private long handedOver;

    synchronized long handOver() {
        return handedOver++;
    }

    synchronized void acknowledge(long record) {
        acknowledged.set(Math.toIntExact(record));
    }

    /** What was acknowledged so far. */
    synchronized Progress progress() {
        // asked once, after a failure: counting the bits then costs less than a counter kept per record
        return new Progress(handedOver, acknowledged.cardinality(), acknowledged.nextClearBit(0));
    }

    /**
     * @param handedOver        records handed to the producer
     * @param acknowledged      records Kafka acknowledged
     * @param firstUnacknowledged the number of the first record not acknowledged: all before it are published
     */
    record Progress(long handedOver, long acknowledged, long firstUnacknowledged) {
    }
}
