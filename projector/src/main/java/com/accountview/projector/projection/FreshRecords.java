package com.accountview.projector.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * The records of a batch at or past their partition's stored offset, each with its partition, in
 * delivery order: the ones this transaction applies. The others were applied before a crash or a
 * rebalance delivered them again.
 */
record FreshRecords(List<ConsumedRecord> records, List<TopicPartition> partitions) {

    /**
     * @param partitionOf each consumed record's partition
     * @param stored      the stored next offset of every partition of the batch, locked by this transaction
     */
    static FreshRecords of(List<ConsumedRecord> consumed, TopicPartition[] partitionOf, Map<TopicPartition, Long> stored) {
        List<ConsumedRecord> records = new ArrayList<>(consumed.size());
        List<TopicPartition> partitions = new ArrayList<>(consumed.size());
        for (int i = 0; i < consumed.size(); i++) {
            if (consumed.get(i).raw().offset() >= stored.get(partitionOf[i])) {
                records.add(consumed.get(i));
                partitions.add(partitionOf[i]);
            }
        }
        return new FreshRecords(records, partitions);
    }
}
