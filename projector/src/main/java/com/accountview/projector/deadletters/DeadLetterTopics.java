package com.accountview.projector.deadletters;

import java.time.Duration;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

import com.accountview.projector.events.UnableToDecodeEventException;

/** {@link DeadLetters} on spring-kafka's {@link DeadLetterPublishingRecoverer}. */
@Component
class DeadLetterTopics implements DeadLetters {

    static final String SUFFIX = ".DLT";

    // partition -1: the producer partitions by the original key, whatever the DLT's partition count
    private static final BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> DESTINATION =
            (record, exception) -> new TopicPartition(record.topic() + SUFFIX, -1);

    private final DeadLetterPublishingRecoverer recoverer;

    DeadLetterTopics(KafkaOperations<byte[], byte[]> kafka) {
        recoverer = new DeadLetterPublishingRecoverer(kafka, DESTINATION);
        recoverer.setFailIfSendResultIsError(true);
        recoverer.setWaitForSendResultTimeout(Duration.ofSeconds(30));
        recoverer.setThrowIfNoDestinationReturned(true);
    }

    @Override
    public void publish(ConsumerRecord<byte[], byte[]> record, UnableToDecodeEventException reason) {
        recoverer.accept(record, reason);
    }
}
