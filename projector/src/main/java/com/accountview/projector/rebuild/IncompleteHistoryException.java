package com.accountview.projector.rebuild;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;

/**
 * A rebuild was asked while some partitions of the topics no longer begin at offset 0: their first
 * records were deleted (retention, {@code deleteRecords}), and a generation rebuilt from what is
 * left would lose what they said, on the switch, from a read model that still has it.
 */
public final class IncompleteHistoryException extends RuntimeException {

    IncompleteHistoryException(Map<TopicPartition, Long> pastZero) {
        super("The topics no longer hold their whole history: " + pastZero.entrySet().stream()
                .map(start -> start.getKey() + " begins at offset " + start.getValue())
                .collect(Collectors.joining(", "))
                + ". A rebuild would lose what the deleted records said (accounts and contracts that no later event"
                + " names) when its generation replaces the live one. No rebuild was started; to rebuild from what"
                + " is left anyway, ask again allowing an incomplete history (./accountview rebuild"
                + " --allow-incomplete-history).");
    }
}
