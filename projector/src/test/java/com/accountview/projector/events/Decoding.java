package com.accountview.projector.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private Decoding() {
    }

    static EntityEvent decode(ProducerRecord<byte[], byte[]> record) {
        return DECODER.decode(kindOf(record.topic()), record.key(), record.value(), record.headers());
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
