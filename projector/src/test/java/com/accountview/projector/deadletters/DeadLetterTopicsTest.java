package com.accountview.projector.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/** How dead letters are published: bounded in time, and thinner rather than never when too large. */
class DeadLetterTopicsTest {

    private final ConsumerRecord<byte[], byte[]> original = new ConsumerRecord<>("customers.accounts.v1", 2, 41,
            "key".getBytes(StandardCharsets.UTF_8), "{ not json".getBytes(StandardCharsets.UTF_8));
    private final DeadLetter deadLetter = new DeadLetter(original, new IllegalArgumentException("not JSON"),
            "accountview-projector.g1", 1);

    @Test
    void aDeadLetterNeverAcknowledgedFailsTheBatchWithinTheWaitInsteadOfHoldingIt() {
        MockProducer<byte[], byte[]> producer = producer(false);
        DeadLetterTopics deadLetters = deadLetters(producer, Duration.ofMillis(300));

        long start = System.nanoTime();
        assertThatThrownBy(() -> deadLetters.publish(List.of(deadLetter)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not acknowledged within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theDeadLettersOfABatchAreSentTogetherBeforeAnyIsAwaited() {
        MockProducer<byte[], byte[]> producer = producer(false);
        DeadLetterTopics deadLetters = deadLetters(producer, Duration.ofSeconds(10));
        Thread acknowledge = new Thread(() -> {
            while (producer.history().size() < 3) {
                Thread.onSpinWait();
            }
            while (producer.completeNext()) {
                Thread.onSpinWait();
            }
        });
        acknowledge.start();

        deadLetters.publish(List.of(deadLetter, deadLetter, deadLetter));

        assertThat(producer.history()).hasSize(3)
                .allSatisfy(record -> assertThat(record.topic()).isEqualTo("customers.accounts.v1.DLT"));
    }

    @Test
    void whenTheTopicIsMissingTheBatchFailsAfterOneSendNotOnePerDeadLetter() {
        AtomicInteger sends = new AtomicInteger();
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
                new ByteArraySerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
                // as KafkaProducer answers once max.block.ms has passed without the topic's metadata
                sends.incrementAndGet();
                TimeoutException missing = new TimeoutException("Topic " + record.topic() + " not present in metadata");
                callback.onCompletion(null, missing);
                return CompletableFuture.failedFuture(missing);
            }

            @Override
            public void close(Duration timeout) {
            }
        };

        assertThatThrownBy(() -> deadLetters(producer, Duration.ofSeconds(10)).publish(List.of(deadLetter, deadLetter,
                deadLetter))).isInstanceOf(IllegalStateException.class).hasMessageContaining("not present in metadata");
        assertThat(sends).as("sends, each of which would block max.block.ms").hasValue(1);
    }

    @Test
    void aDeadLetterTooLargeForTheTopicIsSentAgainWithoutValueAndOriginalHeaders() {
        MockProducer<byte[], byte[]> producer = producer(false);
        DeadLetterTopics deadLetters = deadLetters(producer, Duration.ofSeconds(10));
        Thread broker = new Thread(() -> {
            while (producer.history().isEmpty()) {
                Thread.onSpinWait();
            }
            producer.errorNext(new RecordTooLargeException("too large"));
            while (producer.history().size() < 2) {
                Thread.onSpinWait();
            }
            producer.completeNext();
        });
        broker.start();

        deadLetters.publish(List.of(deadLetter));

        ProducerRecord<byte[], byte[]> thin = producer.history().get(1);
        assertThat(thin.value()).isNull();
        assertThat(thin.key()).isEqualTo(original.key());
        assertThat(new String(thin.headers().lastHeader(DeadLetterTopics.OMITTED_HEADER).value(), StandardCharsets.UTF_8))
                .startsWith("value and headers").contains("too large");
        assertThat(thin.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
    }

    /** A producer the application keeps: KafkaTemplate closes what a factory hands out after each send. */
    private static MockProducer<byte[], byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer()) {
            @Override
            public void close(Duration timeout) {
            }
        };
    }

    private static DeadLetterTopics deadLetters(MockProducer<byte[], byte[]> producer, Duration wait) {
        return new DeadLetterTopics(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), wait);
    }
}
