package com.accountview.projector.projection;

import java.util.List;

/**
 * The committed result of one batch.
 *
 * @param outcomes one per record that this batch processed, in delivery order
 * @param alreadyApplied records skipped because the stored offsets show them applied before
 *                       (redelivery after a crash or rebalance)
 */
public record BatchResult(List<RecordOutcome> outcomes, int alreadyApplied) {
}
