package com.accountview.projector.offsets;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The container's answer to a failed batch: no in-memory retry of the records it holds (they may
 * be stale by the time the database answers), no dead letter, no commit; instead
 * {@link AssignedPartitions#recover} seeks every assigned partition back to its stored offset once
 * the database answers, and the records are consumed again from there. Thread-safe.
 */
final class RepositionAfterFailure implements CommonErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(RepositionAfterFailure.class);

    private final AssignedPartitions partitions;

    RepositionAfterFailure(AssignedPartitions partitions) {
        this.partitions = partitions;
    }

    @Override
    public void handleBatch(Exception thrown, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
                            MessageListenerContainer container, Runnable invokeListener) {
        ConsumerRecord<?, ?> first = data.iterator().hasNext() ? data.iterator().next() : null;
        Throwable cause = rootCause(thrown);
        if (cause instanceof GenerationEndedException ended) {
            // a switch or a cancel came while the batch waited for its generation: expected, not an outage
            log.info("Batch of {} records from topic={} partition={} offset={} was not written: generation {} was"
                            + " retired or its rebuild cancelled meanwhile; its consumption stops at the next check",
                    data.count(), first == null ? null : first.topic(), first == null ? null : first.partition(),
                    first == null ? null : first.offset(), ended.generation());
            partitions.recoverAfterGenerationEnded(consumer, container::isRunning);
        } else {
            log.warn("Batch of {} records from topic={} partition={} offset={} failed; it is consumed again from the"
                            + " stored offsets once the database answers: {}", data.count(),
                    first == null ? null : first.topic(), first == null ? null : first.partition(),
                    first == null ? null : first.offset(), cause.toString());
            partitions.recover(consumer, container::isRunning, thrown);
        }
    }

    /**
     * A poll that failed outside the listener. A position out of range (the projector's consumers
     * have no reset policy) goes to {@link AssignedPartitions#outOfRange}; anything else is logged,
     * as spring-kafka does, and the next poll tries again.
     */
    @Override
    public void handleOtherException(Exception thrown, Consumer<?, ?> consumer, MessageListenerContainer container,
                                     boolean batchListener) {
        if (thrown instanceof OffsetOutOfRangeException outOfRange) {
            partitions.outOfRange(consumer, container::isRunning, outOfRange.offsetOutOfRangePartitions());
        } else {
            log.error("Consumer failed outside a batch; polling again: {}", thrown.toString(), thrown);
        }
    }

    /** The stored offsets, not the container, decide where consumption goes on. */
    @Override
    public boolean seeksAfterHandling() {
        return true;
    }

    @Override
    public boolean isAckAfterHandle() {
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
