package com.accountview.projector.offsets;

/**
 * How far one batch got in one topic partition.
 *
 * @param nextOffset the offset of the next record to consume
 * @param applied how many of the batch's records were applied
 */
public record PartitionProgress(long nextOffset, long applied) {
}
