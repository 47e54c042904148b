package com.accountview.projector.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;

/** Records as the consumer hands them to a projection, for tests that hand it a batch themselves. */
final class AsConsumed {

    private AsConsumed() {
    }

    /**
     * The records in the given partition of their topics, at consecutive offsets from 0 in the order
     * given. A partition no other test of the context uses keeps the batch's stored offsets its own.
     */
    static List<ConsumerRecord<byte[], byte[]>> inPartition(int partition, List<ProducerRecord<byte[], byte[]>> sent) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int offset = 0; offset < sent.size(); offset++) {
            ProducerRecord<byte[], byte[]> record = sent.get(offset);
            records.add(new ConsumerRecord<>(record.topic(), partition, offset, System.currentTimeMillis(),
                    TimestampType.CREATE_TIME, -1, -1, record.key(), record.value(), record.headers(), Optional.empty()));
        }
        return records;
    }
}
