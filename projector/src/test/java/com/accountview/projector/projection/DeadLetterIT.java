package com.accountview.projector.projection;

import static com.accountview.projector.support.DeadLetterTopic.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.accountview.projector.events.UnableToDecodeEventException;
import com.accountview.projector.support.DeadLetterTopic;
import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.testinfra.events.TestEvent;
import com.accountview.testinfra.events.TestEvents;

/**
 * Records that cannot be applied go to {@code <topic>.DLT} with their headers, and consumption goes
 * on: whatever is wrong with them, and whether or not the dead-letter topic takes them whole.
 */
class DeadLetterIT extends ProjectorContextTest {

    final String org = "org-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void malformedEventInTheMiddleOfAPartitionIsDeadLetteredAndTheEventsAfterItAreApplied() {
        UUID account = UUID.randomUUID();
        String key = account.toString();
        ProducerRecord<byte[], byte[]> malformed = TestEvents.raw(key, "{ not json")
                .withHeader("content-type", "application/cloudevents+json").plain(topics.accounts());

        var before = events.send(TestEvents.account(account).org(org).sequence(1).externalId("before").created()
                .structured(topics.accounts()));
        var bad = events.send(malformed);
        var after = events.send(TestEvents.account(account).org(org).sequence(2).externalId("after").updated()
                .structured(topics.accounts()));
        events.awaitConsumed(after);

        assertThat(readModel.accountsCarrying(org, "after")).containsExactly(account);
        assertThat(bad.partition()).isEqualTo(before.partition()).isEqualTo(after.partition());

        ConsumerRecord<byte[], byte[]> deadLetter = deadLetters().withKey(key);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{ not json");
        assertThat(header(deadLetter, "content-type")).isEqualTo("application/cloudevents+json");
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(topics.accounts());
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-partition").value())
                .isEqualTo(ByteBuffer.allocate(4).putInt(bad.partition()).array());
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-offset").value())
                .isEqualTo(ByteBuffer.allocate(8).putLong(bad.offset()).array());
        assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).isEqualTo(UnableToDecodeEventException.class.getName());
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).startsWith("not a valid structured-mode CloudEvent");
        // headers stay small: the message says what is wrong, no stack trace says where
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();
    }

    @Test
    void eventWhoseKeyDisagreesWithItsSubjectIsDeadLetteredWithTheReason() {
        UUID account = UUID.randomUUID();
        String otherKey = UUID.randomUUID().toString();

        var sent = events.send(TestEvents.account(account).org(org).sequence(1).externalId("mismatch").key(otherKey)
                .created().structured(topics.accounts()));
        events.awaitConsumed(sent);

        assertThat(readModel.account(account)).isEmpty();
        assertThat(header(deadLetters().withKey(otherKey), "kafka_dlt-exception-message")).containsIgnoringCase("key");
    }

    @Test
    void timestampsPostgreSqlCannotStoreAreDeadLetteredAndTheEventsBehindThemApplied() {
        UUID yearZero = UUID.randomUUID();
        UUID yearTenThousand = UUID.randomUUID();
        UUID after = UUID.randomUUID();

        events.send(onPartitionZero(TestEvents.account(yearZero).org(org).sequence(1)
                .dataField("created_at", "0000-01-01T00:00:00Z").created()));
        events.send(onPartitionZero(TestEvents.account(yearTenThousand).org(org).sequence(1)
                .attribute("time", "9999-12-31T23:30:00-01:00").created()));
        events.awaitConsumed(events.send(onPartitionZero(
                TestEvents.account(after).org(org).sequence(1).externalId("behind-them").created())));

        assertThat(readModel.accountsCarrying(org, "behind-them")).containsExactly(after);
        assertThat(header(deadLetters().withKey(yearZero.toString()), "kafka_dlt-exception-message"))
                .contains("created_at").contains("outside the years 0001 to 9999");
        assertThat(header(deadLetters().withKey(yearTenThousand.toString()), "kafka_dlt-exception-message"))
                .contains("'time'").contains("outside the years 0001 to 9999");
    }

    @Test
    void aValuePostgreSqlRefusesCostsOneDeadLetterNotThePartitionBehindIt() {
        // a rule of the database that the contract does not know: only PostgreSQL can refuse the value
        new JdbcTemplate(dataSource).execute("ALTER TABLE accountview.account ADD CONSTRAINT test_refuses_value"
                + " CHECK (external_id IS DISTINCT FROM 'refused-by-postgres')");
        UUID refused = UUID.randomUUID();
        List<UUID> others = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        events.send(onPartitionZero(TestEvents.account(others.get(0)).org(org).sequence(1).externalId("ok-0").created()));
        events.send(onPartitionZero(TestEvents.account(others.get(1)).org(org).sequence(1).externalId("ok-1").created()));
        events.send(onPartitionZero(TestEvents.account(refused).org(org).sequence(1)
                .externalId("refused-by-postgres").created()));
        events.send(onPartitionZero(TestEvents.account(others.get(2)).org(org).sequence(1).externalId("ok-2").created()));
        events.awaitConsumed(events.send(onPartitionZero(
                TestEvents.account(others.get(3)).org(org).sequence(1).externalId("ok-3").created())));

        for (int i = 0; i < others.size(); i++) {
            assertThat(readModel.accountsCarrying(org, "ok-" + i)).containsExactly(others.get(i));
        }
        assertThat(readModel.account(refused)).isEmpty();
        ConsumerRecord<byte[], byte[]> deadLetter = deadLetters().withKey(refused.toString());
        assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).isEqualTo(ValueRefusedException.class.getName());
        assertThat(header(deadLetter, "kafka_dlt-exception-message"))
                .contains("SQLSTATE 23514").contains("test_refuses_value");
    }

    @Test
    void aDeadLetterTooLargeForTheBrokerIsPublishedWithoutItsValueAndConsumptionGoesOn() {
        UUID account = UUID.randomUUID();
        // fits the topic's 1 MiB limit as it is, but not once the dead-letter headers are added
        String almostOneMebibyte = "x".repeat(1024 * 1024 - 400);

        RecordMetadata bad = events.send(onPartitionZero(TestEvents.raw(account.toString(), almostOneMebibyte)));
        events.awaitConsumed(events.send(onPartitionZero(
                TestEvents.account(account).org(org).sequence(1).externalId("after-huge").created())));

        assertThat(readModel.accountsCarrying(org, "after-huge")).containsExactly(account);
        assertThatDeadLetterOmitsTheValue(deadLetters().withKey(account.toString()), bad);
    }

    @Test
    void aDeadLetterTopicWithASmallerSizeLimitGetsTheDeadLetterWithoutItsValue() throws Exception {
        alterDeadLetterTopic("max.message.bytes", "2000");
        UUID account = UUID.randomUUID();
        RecordMetadata bad;
        try {
            bad = events.send(onPartitionZero(TestEvents.raw(account.toString(), "y".repeat(5_000))));
            events.awaitConsumed(events.send(onPartitionZero(
                    TestEvents.account(account).org(org).sequence(1).externalId("after-small-dlt").created())));
        } finally {
            alterDeadLetterTopic("max.message.bytes", null);
        }

        assertThat(readModel.accountsCarrying(org, "after-small-dlt")).containsExactly(account);
        assertThatDeadLetterOmitsTheValue(deadLetters().withKey(account.toString()), bad);
    }

    @Test
    void aDeadLetterTopicThatTakesNothingIsAnOutageRetriedUntilItDoesNeverASkip() throws Exception {
        // not even a dead letter without its value fits: nothing can be dead-lettered, so nothing may move on
        alterDeadLetterTopic("max.message.bytes", "64");
        UUID account = UUID.randomUUID();
        double failuresBefore = failures();
        try {
            events.send(onPartitionZero(TestEvents.raw(account.toString(), "not json either")));
            events.send(onPartitionZero(TestEvents.account(account).org(org).sequence(1).externalId("after-outage")
                    .created()));

            await().atMost(Duration.ofSeconds(30)).until(() -> failures() >= failuresBefore + 2);
            assertThat(readModel.account(account)).isEmpty();
        } finally {
            alterDeadLetterTopic("max.message.bytes", null);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !readModel.accountsCarrying(org, "after-outage").isEmpty());
        assertThat(new String(deadLetters().withKey(account.toString()).value(), StandardCharsets.UTF_8))
                .isEqualTo("not json either");
    }

    private void assertThatDeadLetterOmitsTheValue(ConsumerRecord<byte[], byte[]> deadLetter, RecordMetadata original) {
        assertThat(deadLetter.value()).isNull();
        assertThat(header(deadLetter, "accountview_dlt-omitted")).startsWith("value and headers");
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(topics.accounts());
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-offset").value())
                .isEqualTo(ByteBuffer.allocate(8).putLong(original.offset()).array());
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).isNotBlank();
    }

    /** Sets a config of the accounts' dead-letter topic, or back to the broker's default when {@code value} is null. */
    private void alterDeadLetterTopic(String name, String value) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, topics.accounts() + ".DLT");
            AlterConfigOp op = value == null
                    ? new AlterConfigOp(new ConfigEntry(name, ""), AlterConfigOp.OpType.DELETE)
                    : new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get();
        }
    }

    private double failures() {
        var counter = meters.find("accountview.projector.batch.failures").counter();
        return counter == null ? 0 : counter.count();
    }

    private DeadLetterTopic deadLetters() {
        return new DeadLetterTopic(bootstrapServers, topics.accounts());
    }

    private ProducerRecord<byte[], byte[]> onPartitionZero(TestEvent event) {
        ProducerRecord<byte[], byte[]> record = event.structured(topics.accounts());
        return new ProducerRecord<>(record.topic(), 0, record.key(), record.value(), record.headers());
    }
}
