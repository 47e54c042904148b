package com.accountview.projector.deadletters;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record to publish to its topic's dead-letter topic, and why.
 *
 * @param record the consumed record, published with its key, value and headers as they were
 * @param reason why it cannot be applied: a message that says exactly what failed, and the type of
 *               the failure (both become headers)
 * @param consumerGroup the consumer group that consumed it
 * @param generation the generation of the read model it was consumed for (a rebuild meets the
 *                   malformed records of the topics again)
 */
public record DeadLetter(ConsumerRecord<byte[], byte[]> record, Exception reason, String consumerGroup,
                         int generation) {
}
