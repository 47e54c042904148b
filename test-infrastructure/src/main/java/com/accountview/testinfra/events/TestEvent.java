package com.accountview.testinfra.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import com.accountview.contract.CloudEvent;

/**
 * One Kafka record of the event contract (docs/events.md), ready to be sent in any
 * {@link EventMode}: a CloudEvent, a tombstone, or raw bytes for malformed-event tests. Immutable
 * and thread-safe; every {@code record(...)} call returns a new {@link ProducerRecord}.
 */
public final class TestEvent {

    private final String key;
    private final Body body;
    private final List<Header> headers;

    private TestEvent(String key, Body body, List<Header> headers) {
        this.key = key;
        this.body = body;
        this.headers = List.copyOf(headers);
    }

    static TestEvent cloudEvent(String key, Map<String, Object> attributes, Map<String, Object> data,
                                List<Header> headers) {
        return new TestEvent(key, new Event(new CloudEvent(attributes, unmodifiable(data))), headers);
    }

    static TestEvent tombstone(String key) {
        return new TestEvent(key, new Raw(null), List.of());
    }

    static TestEvent raw(String key, byte[] value) {
        return new TestEvent(key, new Raw(value == null ? null : value.clone()), List.of());
    }

    /** The record key as text (the entity id unless overridden); null for a record without key. */
    public String key() {
        return key;
    }

    /** True for a record with a null value (a Kafka tombstone). */
    public boolean isTombstone() {
        return body instanceof Raw raw && raw.value() == null;
    }

    /** A CloudEvents attribute as rendered, e.g. {@code attribute("sequence")}; null when absent. */
    public Object attribute(String name) {
        return cloudEvent().attributes().get(name);
    }

    public String id() {
        return (String) attribute("id");
    }

    public String type() {
        return (String) attribute("type");
    }

    /** The {@code sequence} attribute as rendered (text, possibly with leading zeros). */
    public String sequence() {
        return String.valueOf(attribute("sequence"));
    }

    /** The {@code data} members in rendering order (nested objects as maps); unmodifiable. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> data() {
        return (Map<String, Object>) cloudEvent().data();
    }

    /** The whole CloudEvent as structured-mode JSON text. */
    public String structuredJson() {
        return cloudEvent().structuredJson();
    }

    /** The {@code data} object as JSON text (the binary-mode value). */
    public String dataJson() {
        return cloudEvent().dataJson();
    }

    /** A copy with one more record header, sent in every mode (e.g. a stray {@code content-type}). */
    public TestEvent withHeader(String name, String value) {
        List<Header> copy = new ArrayList<>(headers);
        copy.add(new RecordHeader(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        return new TestEvent(key, body, copy);
    }

    public ProducerRecord<byte[], byte[]> structured(String topic) {
        return record(topic, EventMode.STRUCTURED);
    }

    public ProducerRecord<byte[], byte[]> binary(String topic) {
        return record(topic, EventMode.BINARY);
    }

    public ProducerRecord<byte[], byte[]> plain(String topic) {
        return record(topic, EventMode.PLAIN);
    }

    /**
     * The Kafka record for {@code topic}. Tombstones and raw events are the same in every mode:
     * their key, value and extra headers exactly as given.
     */
    public ProducerRecord<byte[], byte[]> record(String topic, EventMode mode) {
        List<Header> recordHeaders = new ArrayList<>();
        byte[] value;
        if (body instanceof Raw raw) {
            value = raw.value() == null ? null : raw.value().clone();
        } else if (mode == EventMode.BINARY) {
            cloudEvent().binaryHeaders().forEach(header -> recordHeaders.add(new RecordHeader(header.getKey(),
                    header.getValue())));
            value = utf8(dataJson());
        } else {
            if (mode == EventMode.STRUCTURED) {
                recordHeaders.add(new RecordHeader(CloudEvent.CONTENT_TYPE_HEADER,
                        utf8(CloudEvent.STRUCTURED_CONTENT_TYPE)));
            }
            value = utf8(structuredJson());
        }
        recordHeaders.addAll(headers);
        return new ProducerRecord<>(topic, null, key == null ? null : utf8(key), value, recordHeaders);
    }

    @Override
    public String toString() {
        return body instanceof Event ? "TestEvent[key=" + key + ", " + structuredJson() + "]"
                : "TestEvent[key=" + key + ", " + body + "]";
    }

    private CloudEvent cloudEvent() {
        if (body instanceof Event event) {
            return event.cloudEvent();
        }
        throw new IllegalStateException("not a CloudEvent: " + this);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> unmodifiable(Map<String, Object> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private sealed interface Body {
    }

    private record Event(CloudEvent cloudEvent) implements Body {
    }

    private record Raw(byte[] value) implements Body {
        @Override
        public String toString() {
            return value == null ? "tombstone" : "raw " + new String(value, StandardCharsets.UTF_8);
        }
    }
}
