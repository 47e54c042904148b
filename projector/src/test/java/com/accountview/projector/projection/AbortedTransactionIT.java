package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.testinfra.events.TestEvents;

/** Events a transactional producer aborted were never published: the projector must never apply them. */
class AbortedTransactionIT extends ProjectorContextTest {

    @Test
    void eventOfAnAbortedTransactionIsNeverApplied() {
        UUID account = UUID.randomUUID();
        String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "aborting-" + account,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.initTransactions();
            producer.beginTransaction();
            // a higher version than the committed one: applied, it would win
            producer.send(TestEvents.account(account).org(org).sequence(5).externalId("aborted").updated()
                    .structured(topics.accounts()));
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(TestEvents.account(account).org(org).sequence(1).externalId("committed").created()
                    .structured(topics.accounts()));
            producer.commitTransaction();
        }

        // the committed event comes after the aborted one in the partition: once it is applied, both were read
        await().atMost(Duration.ofSeconds(60)).until(() -> readModel.account(account).isPresent());
        assertThat(readModel.account(account)).hasValueSatisfying(row -> {
            assertThat(row.externalId()).isEqualTo("committed");
            assertThat(row.version()).isEqualTo(BigInteger.ONE);
        });
        assertThat(readModel.accountsCarrying(org, "aborted")).isEmpty();
    }
}
