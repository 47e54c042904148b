package com.accountview.projector.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import com.accountview.contract.EntityKind;
import com.accountview.projector.offsets.PartitionProgress;

/**
 * The fresh records of a batch folded in delivery order: each one's outcome, and how far each
 * partition got.
 */
record FoldedBatch(List<RecordOutcome> outcomes, Map<TopicPartition, PartitionProgress> progress) {

    /** Folds each record onto its kind's fold; a rejected record is dead-lettered and folds nothing. */
    static FoldedBatch of(FreshRecords fresh, Map<EntityKind, EntityFold> folds) {
        List<RecordOutcome> outcomes = new ArrayList<>(fresh.records().size());
        Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
        for (int i = 0; i < fresh.records().size(); i++) {
            RecordOutcome outcome = outcomeOf(fresh.records().get(i), folds);
            progress.merge(fresh.partitions().get(i),
                    new PartitionProgress(outcome.record().offset() + 1, outcome.outcome() == EventOutcome.APPLIED ? 1 : 0),
                    FoldedBatch::furthest);
            outcomes.add(outcome);
        }
        return new FoldedBatch(outcomes, progress);
    }

    private static RecordOutcome outcomeOf(ConsumedRecord record, Map<EntityKind, EntityFold> folds) {
        if (record.isRejected()) {
            return new RecordOutcome(record.raw(), null, EventOutcome.DEAD_LETTERED, record.eventId(),
                    record.rejection().getMessage());
        }
        return new RecordOutcome(record.raw(), record.event(), folds.get(record.event().kind()).on(record.event()),
                record.eventId(), null);
    }

    private static PartitionProgress furthest(PartitionProgress a, PartitionProgress b) {
        return new PartitionProgress(Math.max(a.nextOffset(), b.nextOffset()), a.applied() + b.applied());
    }
}
