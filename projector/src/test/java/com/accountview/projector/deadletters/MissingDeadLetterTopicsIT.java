package com.accountview.projector.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import com.accountview.testinfra.ServiceJar;
import com.accountview.testinfra.TestInfrastructure;

/** The dead-letter topics created in the background, on the shared real broker, also when it answers only later. */
class MissingDeadLetterTopicsIT {

    private static final Duration QUICK = Duration.ofSeconds(1);

    @Test
    void createsTheMissingTopicsAndLeavesExistingOnesAsTheyAre() throws Exception {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers());
        String missing = TestInfrastructure.uniqueName("missing") + ".DLT";
        String existing = TestInfrastructure.uniqueName("existing") + ".DLT";
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(existing, 2, (short) 1))).all().get();
        }
        MissingDeadLetterTopics topics = new MissingDeadLetterTopics(config, List.of(missing, existing), QUICK, QUICK);

        topics.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> !topics.isRunning());
        try (Admin admin = Admin.create(config)) {
            assertThat(admin.listTopics().names().get()).contains(missing, existing);
            assertThat(admin.describeTopics(List.of(existing)).allTopicNames().get().get(existing).partitions())
                    .as("left as it was").hasSize(2);
        }
    }

    @Test
    void aBrokerThatAnswersOnlyAfterTheStartGetsTheTopicsOnceItDoes() throws Exception {
        String missing = TestInfrastructure.uniqueName("late") + ".DLT";
        try (BrokerAnsweringLater broker = new BrokerAnsweringLater()) {
            Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.address());
            MissingDeadLetterTopics topics = new MissingDeadLetterTopics(config, List.of(missing), QUICK, QUICK);
            long startedAt = System.nanoTime();

            topics.start();

            assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).as("the start does not wait for the broker")
                    .isLessThan(QUICK);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(topics::isRunning);
            broker.answer();
            await().atMost(Duration.ofSeconds(30)).until(() -> !topics.isRunning());
            try (Admin admin = Admin.create(config)) {
                assertThat(admin.listTopics().names().get()).contains(missing);
            }
        }
    }

    @Test
    void stoppingEndsTheAttemptsAtOnce() {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + ServiceJar.freePort());
        MissingDeadLetterTopics topics = new MissingDeadLetterTopics(config, List.of("never.DLT"),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
        topics.start();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(topics::isRunning);

        topics.stop();

        await().atMost(Duration.ofSeconds(3)).until(() -> !topics.isRunning());
    }

    /**
     * An address where nothing answers until {@link #answer()}; then each connection is forwarded to
     * the shared broker, which the Kafka client then reaches directly through the address the broker
     * advertises. A broker that comes up after the projector, without restarting the shared one.
     */
    private static final class BrokerAnsweringLater implements AutoCloseable {

        private final int port = ServiceJar.freePort();
        private volatile ServerSocket server;

        String address() {
            return "127.0.0.1:" + port;
        }

        void answer() throws IOException {
            server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            String[] broker = TestInfrastructure.kafkaBootstrapServers().split(",")[0].split(":");
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket client = server.accept();
                        Socket upstream = new Socket(broker[0], Integer.parseInt(broker[1]));
                        pipe(client, upstream);
                        pipe(upstream, client);
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private static void pipe(Socket from, Socket to) {
            Thread thread = new Thread(() -> {
                try (from; to) {
                    from.getInputStream().transferTo(to.getOutputStream());
                } catch (IOException closed) {
                    // either side closed
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }
}
