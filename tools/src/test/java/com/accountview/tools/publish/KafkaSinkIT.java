package com.accountview.tools.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.accountview.contract.EntityKind;
import com.accountview.testinfra.TestInfrastructure;
import com.accountview.tools.contract.OutgoingRecord;

class KafkaSinkIT {

    private static final int PARTITIONS = 5;
    private static final int RECORDS = 60;

    /** The benchmark's freshness polling relies on it: it asks for probes in their partitions' order. */
    @Test
    void partitionOfNamesThePartitionEachKeyedRecordLandsIn() throws Exception {
        String accounts = TestTopics.create(TestInfrastructure.uniqueName("sink-accounts"), PARTITIONS, Map.of());
        Map<String, Integer> expected = new HashMap<>();
        try (KafkaSink sink = new KafkaSink(TestInfrastructure.kafkaBootstrapServers(),
                new TopicNames(accounts, TestInfrastructure.uniqueName("sink-contracts")), Map.of("linger.ms", "0"))) {
            assertThat(sink.partitionCount(EntityKind.ACCOUNT)).isEqualTo(PARTITIONS);
            for (int i = 0; i < RECORDS; i++) {
                OutgoingRecord record = OutgoingRecord.tombstone(EntityKind.ACCOUNT, UUID.randomUUID().toString());
                expected.put(record.key(), sink.partitionOf(record));
                sink.accept(record);
            }
        }

        Map<String, Integer> landed = new HashMap<>();
        PublishedRecords.consume(List.of(accounts), RECORDS).forEach(record -> landed.put(record.key(), record.partition()));
        assertThat(landed).isEqualTo(expected);
        assertThat(new HashSet<>(expected.values())).as("the keys' partitions").hasSizeGreaterThan(1);
    }
}
