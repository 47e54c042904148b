package com.accountview.query.readmodel;

import static com.accountview.testinfra.TestProducers.publishAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.accountview.contract.EntityKind;
import com.accountview.contract.ReferenceFold;
import com.accountview.contract.VersionKey;
import com.accountview.query.support.ProjectorProcess;
import com.accountview.testinfra.DatabaseCoordinates;
import com.accountview.testinfra.ServiceJar;
import com.accountview.testinfra.TestInfrastructure;
import com.accountview.testinfra.TestProducers;
import com.accountview.testinfra.events.TestEvent;
import com.accountview.testinfra.events.TestEvents;

/**
 * The promise of a rebuild, seen from the API: clients query continuously while the read model of
 * more than 100,000 events is rebuilt into a new generation and switched to, and none of them ever
 * gets an error or an answer older than one it already had (a ticker contract is updated all the
 * while, and each client checks that its {@code updated_at} never goes back); the events published
 * during the rebuild are visible after the switch, and the read model is the reference fold of
 * every event. Runs the real projector jar on a database and topics of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RebuildWhileServingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "rebuild-while-serving";
    private static final String BULK = "bulk";
    private static final int ACCOUNTS = 50_000;
    private static final Instant TICKER_EPOCH = Instant.parse("2025-01-01T00:00:00Z");
    private static final UUID TICKER_ACCOUNT = UUID.randomUUID();
    private static final UUID TICKER_CONTRACT = UUID.randomUUID();

    private static final DatabaseCoordinates DATABASE = TestInfrastructure.newDatabase();
    private static final String ACCOUNTS_TOPIC = TestInfrastructure.uniqueName("rebuild-accounts");
    private static final String CONTRACTS_TOPIC = TestInfrastructure.uniqueName("rebuild-contracts");
    private static ServiceJar projector;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void readModel(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::username);
        registry.add("spring.datasource.password", DATABASE::password);
    }

    @AfterAll
    static void stopProjector() {
        if (projector != null) {
            projector.kill();
        }
    }

    @Test
    void clientsQueryingThroughARebuildSeeNoErrorAndNeverAnOlderAnswer() throws Exception {
        projector = ProjectorProcess.start(DATABASE, ACCOUNTS_TOPIC, CONTRACTS_TOPIC, Map.of(
                "ACCOUNTVIEW_REBUILD_ADMIN_TOKEN", TOKEN,
                "ACCOUNTVIEW_REBUILD_CHECK_INTERVAL", "500ms"));
        ReferenceFold<String> reference = new ReferenceFold<>();
        AtomicLong tick = new AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            List<TestEvent> bulk = bulkHistory();
            publishAll(producer, bulk.stream().map(event -> event.structured(ACCOUNTS_TOPIC)).toList());
            bulk.forEach(event -> fold(reference, event));
            publishAll(producer, List.of(TestEvents.account(TICKER_ACCOUNT).org("ticker").sequence(1)
                    .externalId("ticker").created().structured(ACCOUNTS_TOPIC)));
            publishAll(producer, List.of(ticker(tick.incrementAndGet()).structured(CONTRACTS_TOPIC)));
            await().atMost(Duration.ofMinutes(3)).until(() -> activeTicker().map(updated -> updated >= 1).orElse(false));
            await().atMost(Duration.ofMinutes(3)).until(() -> liveAccounts() == ACCOUNTS);

            AtomicBoolean running = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            AtomicLong answers = new AtomicLong();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread client = new Thread(() -> query(running, problems, answers), "client-" + i);
                client.start();
                clients.add(client);
            }
            ScheduledExecutorService ticking = Executors.newSingleThreadScheduledExecutor();
            ticking.scheduleAtFixedRate(() -> publishAll(producer,
                    List.of(ticker(tick.incrementAndGet()).structured(CONTRACTS_TOPIC))), 0, 20, TimeUnit.MILLISECONDS);
            UUID lateAccount = UUID.randomUUID();
            try {
                HttpResponse<String> started = admin("POST");
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                // published while the rebuild runs: must be in the new generation after the switch
                publishAll(producer, List.of(TestEvents.account(lateAccount).org("late").sequence(1)
                        .externalId("during-rebuild").created().structured(ACCOUNTS_TOPIC)));
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                        .until(() -> JSON.readTree(admin("GET").body()).path("live").path("generation").asInt() == 2);
                long lastBeforeSwitchSettled = tick.get();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> activeTicker().map(updated -> updated >= lastBeforeSwitchSettled).orElse(false));
            } finally {
                running.set(false);
                for (Thread client : clients) {
                    client.join();
                }
                ticking.shutdown();
                ticking.awaitTermination(10, TimeUnit.SECONDS);
            }

            assertThat(problems).as("answers that were errors or older than an earlier one").isEmpty();
            assertThat(answers.get()).as("answers served during the rebuild").isGreaterThan(100);
            assertThat(accountsCarrying("late", "during-rebuild")).containsExactly(lateAccount);
            assertThat(liveBulkAccounts()).isEqualTo(expected(reference));
        }
    }

    /** Each client asks for the ticker's active contract over and over and checks it never goes back. */
    private void query(AtomicBoolean running, ConcurrentLinkedQueue<String> problems, AtomicLong answers) {
        long lastSeen = 0;
        while (running.get()) {
            try {
                HttpResponse<String> response = http.send(api("/v4/orgs/ticker/external-accounts/ticker/contracts/active"),
                        HttpResponse.BodyHandlers.ofString());
                answers.incrementAndGet();
                if (response.statusCode() != 200) {
                    problems.add(response.statusCode() + " " + response.body());
                    continue;
                }
                long updated = tickOf(JSON.readTree(response.body()));
                if (updated < lastSeen) {
                    problems.add("tick " + updated + " after tick " + lastSeen);
                }
                lastSeen = Math.max(lastSeen, updated);
            } catch (IOException e) {
                problems.add(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Optional<Long> activeTicker() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(api("/v4/orgs/ticker/external-accounts/ticker/contracts/active"),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Optional.of(tickOf(JSON.readTree(response.body())))
                : Optional.empty();
    }

    private static long tickOf(JsonNode contract) {
        return Duration.between(TICKER_EPOCH, Instant.parse(contract.path("updated_at").asString())).toSeconds();
    }

    private static TestEvent ticker(long tick) {
        return TestEvents.contract(TICKER_CONTRACT).org("ticker").account(TICKER_ACCOUNT).sequence(tick)
                .status("ACTIVE").dataField("start_date", "2024-01-01T00:00:00Z")
                .dataField("updated_at", TICKER_EPOCH.plusSeconds(tick).toString()).updated();
    }

    /** Accounts with two versions each, a fifth of them published newest first, a tenth twice. */
    private static List<TestEvent> bulkHistory() {
        List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            UUID id = new UUID(42, i);
            TestEvent first = TestEvents.account(id).org(BULK).sequence(1).externalId("a-" + i + "-1").created();
            TestEvent second = TestEvents.account(id).org(BULK).sequence(2).externalId("a-" + i + "-2").updated();
            events.addAll(i % 5 == 0 ? List.of(second, first) : List.of(first, second));
            if (i % 10 == 0) {
                events.add(second);
            }
        }
        return events;
    }

    private static void fold(ReferenceFold<String> reference, TestEvent event) {
        reference.event(new ReferenceFold.Key(EntityKind.ACCOUNT, UUID.fromString(event.key())),
                new VersionKey(new BigInteger(event.sequence()), false, event.id()), BULK,
                (String) event.data().get("external_id"));
    }

    private static Map<UUID, String> expected(ReferenceFold<String> reference) {
        Map<UUID, String> expected = new HashMap<>();
        reference.entities().forEach((key, stored) -> expected.put(key.id(), stored.state()));
        return expected;
    }

    private Map<UUID, String> liveBulkAccounts() {
        Map<UUID, String> accounts = new HashMap<>();
        jdbc().query("SELECT account_id, external_id FROM accountview.live_account WHERE org_id = ?",
                rs -> {
                    accounts.put(rs.getObject(1, UUID.class), rs.getString(2));
                }, BULK);
        return accounts;
    }

    private long liveAccounts() {
        Long count = jdbc().queryForObject("SELECT count(*) FROM accountview.live_account WHERE org_id = ?", Long.class,
                BULK);
        return count == null ? 0 : count;
    }

    private List<UUID> accountsCarrying(String org, String externalId) {
        return jdbc().queryForList("SELECT account_id FROM accountview.live_account WHERE org_id = ? AND external_id = ?",
                UUID.class, org, externalId);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(DATABASE.jdbcUrl(), DATABASE.username(), DATABASE.password()));
    }

    private HttpRequest api(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("x-auth-roles", "API_KEY").GET().build();
    }

    private HttpResponse<String> admin(String method) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + projector.port() + "/actuator/rebuild"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{\"reason\":\"IT\"}")
                        : HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return TestProducers.rawRecords(TestInfrastructure.kafkaBootstrapServers());
    }
}
