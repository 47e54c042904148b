package com.accountview.tools.publish;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;

import com.accountview.tools.contract.OutgoingRecord;

/**
 * The largest record the producer sends: its {@code max.request.size} (default 1 MiB), or its
 * {@code buffer.memory} if that is smaller. A larger record is refused by the producer itself when it
 * is sent, after everything before it in the file went out; measured here, it is an invalid line
 * before anything is published. The size is the producer's own upper bound of the record in a batch
 * (key, value, headers and batch overhead; compression does not count). Immutable.
 *
 * @param setting the producer setting that sets the limit
 * @param bytes   the limit
 */
public record RecordSizeLimit(String setting, int bytes) {

    /** The producer's defaults, for sinks opened without extra settings. */
    public static final RecordSizeLimit DEFAULT = of(Map.of());

    /** The effective limit of a producer with these extra settings ({@code -X key=value}). */
    public static RecordSizeLimit of(Map<String, String> producerProperties) {
        int request = setting(producerProperties, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024);
        long memory = setting(producerProperties, ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024);
        return memory < request ? new RecordSizeLimit(ProducerConfig.BUFFER_MEMORY_CONFIG, (int) memory)
                : new RecordSizeLimit(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, request);
    }

    /** What is wrong with a record above the limit. */
    public Optional<String> problem(OutgoingRecord record) {
        ProducerRecord<byte[], byte[]> kafkaRecord = KafkaSink.kafkaRecord("", record);
        int size = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                kafkaRecord.key(), kafkaRecord.value(), kafkaRecord.headers().toArray());
        return size <= bytes ? Optional.empty() : Optional.of(String.format(
                "the record is %,d bytes, more than the producer's %s of %,d bytes (-X %s=%d would let it go out "
                        + "if the topic's max.message.bytes allows it too)", size, setting, bytes, setting, size));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Number> T setting(Map<String, String> properties, String name, T fallback) {
        String value = properties.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return (T) ConfigDef.parseType(name, value.trim(), fallback instanceof Integer ? ConfigDef.Type.INT : ConfigDef.Type.LONG);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a number of bytes", e);
        }
    }
}
