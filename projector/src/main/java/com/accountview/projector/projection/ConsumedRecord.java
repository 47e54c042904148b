package com.accountview.projector.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import com.accountview.projector.events.EntityEvent;
import com.accountview.projector.events.UnableToDecodeEventException;

/** A consumed record with what decoding made of it: an event, or the reason it is malformed. */
record ConsumedRecord(ConsumerRecord<byte[], byte[]> raw, EntityEvent event, UnableToDecodeEventException malformed) {

    TopicPartition partition() {
        return new TopicPartition(raw.topic(), raw.partition());
    }

    boolean isMalformed() {
        return malformed != null;
    }
}
