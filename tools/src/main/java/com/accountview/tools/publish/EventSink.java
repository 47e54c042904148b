package com.accountview.tools.publish;

import com.accountview.tools.contract.OutgoingRecord;

/** Where a stream of records goes: a Kafka cluster or an events file. Not thread-safe. */
public interface EventSink extends AutoCloseable {

    void accept(OutgoingRecord record);

    /** Waits until what was accepted is delivered; throws if any of it could not be. For sinks that deliver later. */
    default void flush() {
    }

    /** Flushes what was accepted; throws if any of it could not be delivered. */
    @Override
    void close();
}
