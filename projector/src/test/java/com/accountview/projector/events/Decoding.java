package com.accountview.projector.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.assertj.core.api.AbstractThrowableAssert;

import com.accountview.contract.EntityKind;
import com.accountview.testinfra.events.TestEvent;

/** Decodes test records the way the projector does: key, value and headers of a real Kafka record. */
final class Decoding {

    static final String ACCOUNTS = "customers.accounts.v1";
    static final String CONTRACTS = "customers.contracts.v1";

    /** One decoder for all tests, as in the application: it is thread-safe and loads its schemas once. */
    static final CloudEventDecoder DECODER = new CloudEventDecoder();
    static final StreamingDecoder STREAMING = new StreamingDecoder();
    static final SchemaDecoder SCHEMAS = new SchemaDecoder();

    private Decoding() {
    }

    /**
     * Decodes as the application does, and checks on the way that the decoder's two paths agree on
     * the record: the streaming one either leaves it to the schema one or decodes it to the same
     * event, and never accepts what the schema one refuses. Every decoder test is thus an agreement
     * case too.
     */
    static EntityEvent decode(ProducerRecord<byte[], byte[]> record) {
        assertPathsAgree(record);
        return DECODER.decode(kindOf(record.topic()), record.key(), record.value(), record.headers());
    }

    /** @return the event, or null when the schema decoder refuses the record */
    static EntityEvent assertPathsAgree(ProducerRecord<byte[], byte[]> record) {
        EntityKind kind = kindOf(record.topic());
        EntityEvent fast = STREAMING.decode(kind, record.key(), record.value(), record.headers());
        EntityEvent careful;
        try {
            careful = SCHEMAS.decode(kind, record.key(), record.value(), record.headers());
        } catch (UnableToDecodeEventException refused) {
            assertThat(fast).as("the streaming decoder accepted a record the schema decoder refuses (%s): %s",
                    refused.getMessage(), describe(record)).isNull();
            return null;
        }
        if (fast != null) {
            assertThat(fast).as("the two decoders read %s differently", describe(record)).isEqualTo(careful);
        }
        return careful;
    }

    static String describe(ProducerRecord<byte[], byte[]> record) {
        return "key=" + (record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8))
                + " headers=" + record.headers() + " value="
                + (record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
    }

    /** Structured mode on the topic of the event's entity. */
    static EntityEvent decodeAccount(TestEvent event) {
        return decode(event.structured(ACCOUNTS));
    }

    static EntityEvent decodeContract(TestEvent event) {
        return decode(event.structured(CONTRACTS));
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertMalformed(ProducerRecord<byte[], byte[]> record) {
        return assertThatThrownBy(() -> decode(record)).isInstanceOf(UnableToDecodeEventException.class);
    }

    private static EntityKind kindOf(String topic) {
        return topic.equals(ACCOUNTS) ? EntityKind.ACCOUNT : EntityKind.CONTRACT;
    }
}
