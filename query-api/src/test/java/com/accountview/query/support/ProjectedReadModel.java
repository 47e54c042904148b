package com.accountview.query.support;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.accountview.testinfra.DatabaseCoordinates;
import com.accountview.testinfra.TestInfrastructure;
import com.accountview.testinfra.TestProducers;
import com.accountview.testinfra.events.TestEvent;
import com.accountview.testinfra.events.TestEvents;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The read model that all query-api integration tests of this JVM share: one database on the
 * shared PostgreSQL, one pair of topics on the shared broker, and one real projector process
 * writing the first into the second. Started on first use. Tests isolate themselves by unique
 * organization and external ids. Thread-safe.
 */
public final class ProjectedReadModel {

    private final DatabaseCoordinates database;
    private final String accountsTopic;
    private final String contractsTopic;
    private final KafkaProducer<byte[], byte[]> producer;

    private ProjectedReadModel() {
        database = TestInfrastructure.newDatabase();
        accountsTopic = TestInfrastructure.uniqueName("accounts");
        contractsTopic = TestInfrastructure.uniqueName("contracts");
        ProjectorProcess.start(database, accountsTopic, contractsTopic,
                // recover quickly after the outage tests restart the database
                Map.of("ACCOUNTVIEW_PROJECTION_RETRY_MAX_INTERVAL", "1s"));
        producer = TestProducers.rawRecords(TestInfrastructure.kafkaBootstrapServers());
    }

    public static ProjectedReadModel shared() {
        return Holder.INSTANCE;
    }

    public DatabaseCoordinates database() {
        return database;
    }

    /** Publishes account events (structured mode) and waits until the projector has applied them. */
    public void accounts(TestEvent... events) {
        publish(accountsTopic, events);
    }

    /** Publishes contract events (structured mode) and waits until the projector has applied them. */
    public void contracts(TestEvent... events) {
        publish(contractsTopic, events);
    }

    /** Creates a new account carrying {@code externalId} in {@code org}, applied; returns its id. */
    public UUID newAccount(String org, String externalId) {
        UUID accountId = UUID.randomUUID();
        accounts(TestEvents.account(accountId).org(org).externalId(externalId).created());
        return accountId;
    }

    /** {@link #newAccount} with one contract; returns the account's id. */
    public UUID newAccountWithAContract(String org, String externalId) {
        UUID accountId = newAccount(org, externalId);
        contracts(TestEvents.contract(UUID.randomUUID()).org(org).account(accountId).created());
        return accountId;
    }

    /** {@link #newAccount(String, String)} for a test's own account. */
    public UUID newAccount(TestAccount account) {
        return newAccount(account.org(), account.externalId());
    }

    /** {@link #newAccountWithAContract(String, String)} for a test's own account. */
    public UUID newAccountWithAContract(TestAccount account) {
        return newAccountWithAContract(account.org(), account.externalId());
    }

    /** Pipelined: 150 events one acknowledgement after the other took 20 s. */
    private void publish(String topic, TestEvent... events) {
        List<ProducerRecord<byte[], byte[]>> records = Arrays.stream(events).map(event -> event.structured(topic)).toList();
        TestProducers.publishAll(producer, records).forEach(this::awaitApplied);
    }

    /** The projector stores its next offset in the same transaction as the rows it wrote. */
    private void awaitApplied(RecordMetadata record) {
        await("projector applied " + record).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions()
                .until(() -> nextOffset(record.topic(), record.partition()) > record.offset());
    }

    private long nextOffset(String topic, int partition) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT next_offset FROM accountview.consumer_offset
                     WHERE generation = (SELECT id FROM accountview.live_generation)
                       AND topic = ? AND partition = ?
                     """)) {
            statement.setString(1, topic);
            statement.setInt(2, partition);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /** A new connection to the read model's database, as superuser (e.g. to hold locks). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static final class Holder {
        static final ProjectedReadModel INSTANCE = new ProjectedReadModel();
    }
}
