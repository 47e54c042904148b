package com.accountview.projector.ingestion;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import com.accountview.projector.support.EventStream;
import com.accountview.projector.support.Projections;
import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.projector.support.RandomHistory;

/**
 * Partitions added to a source topic while the projector runs, with the projector's default
 * settings: their events are projected within half a minute or so (the test allows 90 s). Until
 * 2026-12-07 the consumer noticed new partitions only at its next metadata refresh, Kafka's
 * default of every 5 minutes, and events published to them were not visible meanwhile (measured: 4
 * min 35 s in a local run).
 */
// a context (and topics) of its own, closed after it: the test classes that share the default one keep their partitions
@SpringBootTest(properties = "accountview.test.context=PartitionsAddedIT")
@DirtiesContext
class PartitionsAddedIT extends ProjectorContextTest {

    @Test
    void eventsInPartitionsAddedToATopicAreProjectedWellBeforeKafkasDefaultRefresh() throws Exception {
        RandomHistory before = RandomHistory.of(910, "before-growth", 40, 3);
        RandomHistory after = RandomHistory.of(911, "after-growth", 60, 3);
        long consumedBefore = readModel.consumedFrom(topics.accounts());
        before.delivery().forEach(event -> events.send(event.structured(topics.accounts())));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> readModel.consumedFrom(topics.accounts()) == consumedBefore + before.delivery().size());

        int partitions;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            partitions = admin.describeTopics(List.of(topics.accounts())).allTopicNames().get()
                    .get(topics.accounts()).partitions().size();
            admin.createPartitions(Map.of(topics.accounts(), NewPartitions.increaseTo(2 * partitions))).all().get();
        }
        // every event of the second history into one of the new partitions, each entity into one of them
        try (EventStream stream = new EventStream(bootstrapServers, readModel)) {
            after.delivery().forEach(event -> stream.send(intoNewPartition(event.structured(topics.accounts()), partitions)));
        }

        await().atMost(Duration.ofSeconds(90)).alias("every event of the new partitions projected")
                .until(() -> readModel.consumedFrom(topics.accounts())
                        == consumedBefore + before.delivery().size() + after.delivery().size());
        Projections.assertMatches(readModel, "before-growth", before);
        Projections.assertMatches(readModel, "after-growth", after);
    }

    private static ProducerRecord<byte[], byte[]> intoNewPartition(ProducerRecord<byte[], byte[]> record, int partitionsBefore) {
        int partition = partitionsBefore + Math.floorMod(Arrays.hashCode(record.key()), partitionsBefore);
        return new ProducerRecord<>(record.topic(), partition, record.key(), record.value(), record.headers());
    }
}
