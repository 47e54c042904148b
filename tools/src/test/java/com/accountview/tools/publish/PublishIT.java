package com.accountview.tools.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.accountview.contract.EntityKind;
import com.accountview.testinfra.TestInfrastructure;
import com.accountview.tools.AccountViewTools;
import com.accountview.tools.contract.TombstoneLine;

class PublishIT {

    private static final String ACCOUNT = "3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60";
    private static final String CONTRACT = "9b1e4a2c-5d6f-4a8b-9c0d-1e2f3a4b5c6d";

    @TempDir
    Path directory;

    @Test
    void publishedRecordsLandOnTheirEntityTopicKeyedBySubjectInStructuredMode() throws Exception {
        String accounts = TestTopics.create("accounts");
        String contracts = TestTopics.create("contracts");
        String accountEvent = event("customers.account.created", ACCOUNT, "\"account_id\":\"" + ACCOUNT + "\"," +
                "\"external_id\":\"214748364\",\"customer_id\":\"0a9e8f7d-6c5b-4a39-8271-605f4e3d2c1b\"," +
                "\"status\":\"ACTIVE\",\"created_at\":\"2024-03-01T09:00:00Z\",\"updated_at\":\"2024-03-01T09:00:00Z\"");
        String contractEvent = event("customers.contract.deleted", CONTRACT, "\"contract_id\":\"" + CONTRACT + "\"");
        Path file = directory.resolve("events.jsonl");
        Files.write(file, List.of(accountEvent, contractEvent, TombstoneLine.format(EntityKind.ACCOUNT, ACCOUNT)));

        StringWriter err = new StringWriter();
        var commandLine = AccountViewTools.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        int exitCode = commandLine.execute("publish", "--file", file.toString(),
                "--bootstrap-servers", TestInfrastructure.kafkaBootstrapServers(),
                "--accounts-topic", accounts, "--contracts-topic", contracts);

        assertThat(exitCode).as(err.toString()).isZero();
        List<ConsumerRecord<String, String>> records = PublishedRecords.consume(List.of(accounts, contracts), 3);
        assertThat(records).filteredOn(r -> r.topic().equals(accounts))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple(ACCOUNT, accountEvent), tuple(ACCOUNT, null));
        assertThat(records).filteredOn(r -> r.topic().equals(contracts))
                .singleElement().satisfies(record -> {
                    assertThat(record.key()).isEqualTo(CONTRACT);
                    assertThat(record.value()).isEqualTo(contractEvent);
                    Header contentType = record.headers().lastHeader("content-type");
                    assertThat(new String(contentType.value(), StandardCharsets.UTF_8))
                            .isEqualTo("application/cloudevents+json");
                });
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aNamedPipeIsReadOnceValidatedAndPublished() throws Exception {
        String accounts = TestTopics.create("accounts");
        String contractEvent = event("customers.contract.deleted", CONTRACT, "\"contract_id\":\"" + CONTRACT + "\"");
        Path pipe = NamedPipe.withLines(directory.resolve("events.pipe"),
                List.of(TombstoneLine.format(EntityKind.ACCOUNT, ACCOUNT), contractEvent));

        StringWriter err = new StringWriter();
        var commandLine = AccountViewTools.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        String contracts = TestTopics.create("contracts");
        int exitCode = commandLine.execute("publish", "--file", pipe.toString(),
                "--bootstrap-servers", TestInfrastructure.kafkaBootstrapServers(),
                "--accounts-topic", accounts, "--contracts-topic", contracts);

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(PublishedRecords.consume(List.of(accounts, contracts), 2))
                .extracting(ConsumerRecord::topic, ConsumerRecord::key, ConsumerRecord::value)
                .containsExactlyInAnyOrder(tuple(accounts, ACCOUNT, null), tuple(contracts, CONTRACT, contractEvent));
    }

    @Test
    void aDashPublishesStandardInput() throws Exception {
        String accounts = TestTopics.create("accounts");
        String contracts = TestTopics.create("contracts");
        String contractEvent = event("customers.contract.deleted", CONTRACT, "\"contract_id\":\"" + CONTRACT + "\"");
        String lines = TombstoneLine.format(EntityKind.ACCOUNT, ACCOUNT) + "\n" + contractEvent + "\n";

        StringWriter err = new StringWriter();
        var commandLine = AccountViewTools.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        InputStream standardInput = System.in;
        System.setIn(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
        int exitCode;
        try {
            exitCode = commandLine.execute("publish", "--file", "-",
                    "--bootstrap-servers", TestInfrastructure.kafkaBootstrapServers(),
                    "--accounts-topic", accounts, "--contracts-topic", contracts);
        } finally {
            System.setIn(standardInput);
        }

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(PublishedRecords.consume(List.of(accounts, contracts), 2))
                .extracting(ConsumerRecord::topic, ConsumerRecord::key, ConsumerRecord::value)
                .containsExactlyInAnyOrder(tuple(accounts, ACCOUNT, null), tuple(contracts, CONTRACT, contractEvent));
    }

    @Test
    void whenKafkaRefusesARecordMidFileTheErrorTellsWhatWasAcknowledgedAndFromWhichLineOn() throws Exception {
        // the topic takes less than the producer sends: only Kafka can refuse the line
        String accounts = TestTopics.create(TestInfrastructure.uniqueName("small-accounts"), 1,
                Map.of("max.message.bytes", "20000"));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(TombstoneLine.format(EntityKind.ACCOUNT, UUID.randomUUID().toString()));
        }
        lines.add(EventFilePublisherTest.padded(EventFilePublisherTest.VALID, 100_000));
        lines.add(TombstoneLine.format(EntityKind.ACCOUNT, ACCOUNT));
        Path file = directory.resolve("events.jsonl");
        Files.write(file, lines);

        StringWriter err = new StringWriter();
        var commandLine = AccountViewTools.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        // batches of at most 16 KiB: the large record travels alone, after the records before it
        int exitCode = commandLine.execute("publish", "--file", file.toString(),
                "--bootstrap-servers", TestInfrastructure.kafkaBootstrapServers(), "--accounts-topic", accounts,
                "-X", "batch.size=16384", "-X", "linger.ms=0");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: Kafka did not accept a record: ")
                .containsPattern("\\(acknowledged: [5-6] of the [6-7] records sent, all those before line 6; "
                        + "from line 6 on, a line is not known to be published\\)");
        assertThat(PublishedRecords.consume(List.of(accounts), 5)).extracting(ConsumerRecord::key)
                .startsWith(lines.subList(0, 5).stream().map(line -> line.replaceAll(".*\"key\":\"([^\"]+)\".*", "$1"))
                        .toArray(String[]::new));
    }

    @Test
    void aTopicThatDoesNotExistIsRefusedBeforeAnythingIsPublished() throws Exception {
        String accounts = TestTopics.create("customers.accounts");
        String mistyped = accounts.replace("accounts", "acounts");
        Path file = directory.resolve("events.jsonl");
        Files.write(file, List.of(TombstoneLine.format(EntityKind.ACCOUNT, ACCOUNT)));

        StringWriter err = new StringWriter();
        var commandLine = AccountViewTools.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        int exitCode = commandLine.execute("publish", "--file", file.toString(),
                "--bootstrap-servers", TestInfrastructure.kafkaBootstrapServers(), "--accounts-topic", mistyped);

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: topic " + mistyped + " does not exist at "
                + TestInfrastructure.kafkaBootstrapServers() + " (did you mean " + accounts + "?)" + System.lineSeparator());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).as("not created on first use").doesNotContain(mistyped);
        }
    }

    private static String event(String type, String subject, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/crm\",\"type\":\""
                + type + "\",\"time\":\"2024-03-01T09:00:00Z\",\"subject\":\"" + subject
                + "\",\"orgid\":\"telco\",\"sequence\":\"1\",\"data\":{" + data + "}}";
    }
}
