package com.accountview.projector.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * The committed result of one batch.
 *
 * @param outcomes one per record that this batch processed, in delivery order
 * @param alreadyApplied records skipped because the stored offsets show them applied before
 *                       (redelivery after a crash or rebalance)
 * @param nextOffsets per partition of the batch, the next offset to apply as now stored in the
 *                    database: where the partition's position is, as far as the read model knows
 */
public record BatchResult(List<RecordOutcome> outcomes, int alreadyApplied, Map<TopicPartition, Long> nextOffsets) {

    public BatchResult {
        outcomes = List.copyOf(outcomes);
        nextOffsets = Map.copyOf(nextOffsets);
    }

    /** The result of this batch followed by a later one (a batch applied in parts). */
    BatchResult then(BatchResult later) {
        List<RecordOutcome> all = new ArrayList<>(outcomes);
        all.addAll(later.outcomes);
        Map<TopicPartition, Long> offsets = new HashMap<>(nextOffsets);
        later.nextOffsets.forEach((partition, offset) -> offsets.merge(partition, offset, Math::max));
        return new BatchResult(all, alreadyApplied + later.alreadyApplied, offsets);
    }
}
