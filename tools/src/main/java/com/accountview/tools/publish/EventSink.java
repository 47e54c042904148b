package com.accountview.tools.publish;

import com.accountview.tools.contract.OutgoingRecord;

/** Where a stream of records goes: a Kafka cluster or an events file. Not thread-safe. */
public interface EventSink extends AutoCloseable {

    void accept(OutgoingRecord record);

    /** Flushes what was accepted; throws if any of it could not be delivered. */
    @Override
    void close();
}
