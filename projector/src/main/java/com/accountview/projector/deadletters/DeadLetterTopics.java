package com.accountview.projector.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import com.accountview.contract.Topics;

/** {@link DeadLetters} on the application's {@link KafkaTemplate}. Thread-safe. */
@Component
class DeadLetterTopics implements DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopics.class);

    /** The generation of the read model the record was consumed for. */
    static final String GENERATION_HEADER = "accountview_dlt-generation";
    /** Says why a dead letter carries neither the value nor the headers of the original. */
    static final String OMITTED_HEADER = "accountview_dlt-omitted";
    /** Longer messages are cut: headers stay small, whatever the failure says. */
    private static final int MAX_MESSAGE_LENGTH = 1_000;
    /** The producer reports every send within delivery.timeout.ms; a little more for metadata. */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final Duration wait;

    @Autowired
    DeadLetterTopics(KafkaTemplate<byte[], byte[]> kafka) {
        this(kafka, Duration.ofMillis(Long.parseLong(kafka.getProducerFactory().getConfigurationProperties()
                .getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000).toString())).plus(MARGIN));
    }

    /** @param wait how long to wait for the acknowledgement of a dead letter before the batch fails */
    DeadLetterTopics(KafkaTemplate<byte[], byte[]> kafka, Duration wait) {
        this.kafka = kafka;
        this.wait = wait;
    }

    static String topicOf(String topic) {
        return Topics.deadLetterTopicOf(topic);
    }

    @Override
    public void publish(List<DeadLetter> deadLetters) {
        List<CompletableFuture<SendResult<byte[], byte[]>>> sent = new ArrayList<>(deadLetters.size());
        for (DeadLetter deadLetter : deadLetters) {
            CompletableFuture<SendResult<byte[], byte[]>> send = send(whole(deadLetter));
            sent.add(send);
            if (failedForEveryRecord(send)) {
                // the producer waited max.block.ms for the topic (missing, broker gone): so would every other send
                break;
            }
        }
        for (int i = 0; i < sent.size(); i++) {
            DeadLetter deadLetter = deadLetters.get(i);
            Optional<RecordTooLargeException> tooLarge = await(sent.get(i));
            if (tooLarge.isPresent()) {
                log.warn("Dead letter of topic={} partition={} offset={} is too large for {}; publishing it without"
                                + " its value and headers: {}", deadLetter.record().topic(), deadLetter.record().partition(),
                        deadLetter.record().offset(), topicOf(deadLetter.record().topic()), tooLarge.get().getMessage());
                await(send(withoutValue(deadLetter, tooLarge.get()))).ifPresent(stillTooLarge -> {
                    throw new IllegalStateException("Even without its value, the dead letter of topic="
                            + deadLetter.record().topic() + " partition=" + deadLetter.record().partition() + " offset="
                            + deadLetter.record().offset() + " does not fit the dead-letter topic", stillTooLarge);
                });
            }
        }
    }

    /** A send that failed before it left the producer, for a reason that is not the record's own size. */
    private static boolean failedForEveryRecord(CompletableFuture<SendResult<byte[], byte[]>> send) {
        Throwable failure = send.handle((result, e) -> e).getNow(null);
        return failure != null && tooLarge(failure).isEmpty();
    }

    private static Optional<RecordTooLargeException> tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    /** Whatever goes wrong, as the future's failure: the producer may also refuse a record before sending it. */
    private CompletableFuture<SendResult<byte[], byte[]>> send(ProducerRecord<byte[], byte[]> deadLetter) {
        try {
            return kafka.send(deadLetter);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Waits for the broker's acknowledgement.
     *
     * @return the refusal if the dead letter is too large for the topic, empty once acknowledged
     * @throws IllegalStateException for any other failure, or no answer in time: an outage
     */
    private Optional<RecordTooLargeException> await(CompletableFuture<SendResult<byte[], byte[]>> send) {
        try {
            send.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            Optional<RecordTooLargeException> tooLarge = tooLarge(e.getCause());
            if (tooLarge.isPresent()) {
                return tooLarge;
            }
            // spring-kafka's "Send failed" says nothing: the producer's own exception does
            throw new IllegalStateException("Could not publish a dead letter: "
                    + NestedExceptionUtils.getMostSpecificCause(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("A dead letter was not acknowledged within " + wait, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing dead letters", e);
        }
    }

    private ProducerRecord<byte[], byte[]> whole(DeadLetter deadLetter) {
        ConsumerRecord<byte[], byte[]> original = deadLetter.record();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : original.headers()) {
            headers.add(header);
        }
        addFailureHeaders(headers, deadLetter);
        return new ProducerRecord<>(topicOf(original.topic()), null, original.key(), original.value(), headers);
    }

    private ProducerRecord<byte[], byte[]> withoutValue(DeadLetter deadLetter, RecordTooLargeException tooLarge) {
        ConsumerRecord<byte[], byte[]> original = deadLetter.record();
        RecordHeaders headers = new RecordHeaders();
        addFailureHeaders(headers, deadLetter);
        headers.add(OMITTED_HEADER, text("value and headers (" + original.serializedValueSize() + " value bytes) did"
                + " not fit the dead-letter topic: " + tooLarge.getMessage()));
        return new ProducerRecord<>(topicOf(original.topic()), null, original.key(), null, headers);
    }

    private void addFailureHeaders(RecordHeaders headers, DeadLetter deadLetter) {
        ConsumerRecord<byte[], byte[]> original = deadLetter.record();
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, text(deadLetter.reason().getClass().getName()));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, text(String.valueOf(deadLetter.reason().getMessage())));
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, text(original.topic()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(original.partition()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(original.offset()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(original.timestamp()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, text(original.timestampType().toString()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, text(deadLetter.consumerGroup()));
        headers.add(GENERATION_HEADER, text(String.valueOf(deadLetter.generation())));
    }

    private static byte[] text(String value) {
        String bounded = value.length() <= MAX_MESSAGE_LENGTH ? value
                : value.substring(0, MAX_MESSAGE_LENGTH) + "...(" + value.length() + " chars)";
        return bounded.getBytes(StandardCharsets.UTF_8);
    }
}
