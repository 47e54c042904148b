package com.accountview.projector.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.accountview.projector.support.DeadLetterTopic;
import com.accountview.projector.support.EventStream;
import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.projector.support.Projections;
import com.accountview.projector.support.RandomHistory;
import com.accountview.projector.support.ReadModel;
import com.accountview.testinfra.TestInfrastructure;
import com.accountview.testinfra.events.TestEvent;

/**
 * PostgreSQL stopped in the middle of a stream and started again: nothing is lost, nothing
 * dead-lettered or skipped, and readiness goes DOWN (answering at once, never hanging) and comes
 * back UP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "accountview.projection.retry-max-interval=1s")
class DatabaseOutageIT extends ProjectorContextTest {

    @LocalServerPort
    int port;

    @Test
    void projectorWaitsOutADatabaseOutageWithoutLosingOrDeadLetteringAnything() throws Exception {
        RandomHistory history = RandomHistory.of(2024, "outage", 300, 4);
        List<TestEvent> delivery = history.delivery();
        int half = delivery.size() / 2;
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(HttpTimeoutException.class)
                .until(() -> readiness() == 200);

        try (EventStream stream = events) {
            delivery.subList(0, half).forEach(event -> stream.send(event.structured(topics.accounts())));
            await().atMost(Duration.ofSeconds(60)).until(() -> readModel.consumedFrom(topics.accounts()) >= half / 2);

            TestInfrastructure.postgres().halt();
            try {
                delivery.subList(half, delivery.size()).forEach(event -> stream.send(event.structured(topics.accounts())));
                await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(HttpTimeoutException.class)
                        .until(() -> readiness() == 503);
                // orchestrators give probes one second: they must answer, not wait for the database
                assertThat(probe("readiness")).isEqualTo(503);
                assertThat(probe("liveness")).isEqualTo(200);
                // attempts to resume keep failing for a while; none of them may dead-letter or skip anything
                await().atMost(Duration.ofSeconds(40)).until(() -> counted("accountview.projector.batch.failures") >= 1
                        && counted("accountview.projector.positioning.failures") >= 3);
                assertThat(probe("readiness")).isEqualTo(503);
            } finally {
                TestInfrastructure.postgres().restart();
            }
        }

        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(HttpTimeoutException.class)
                .until(() -> readiness() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> readModel.consumedFrom(topics.accounts()) == delivery.size());
        Projections.assertMatches(readModel, "outage", history);
        assertThat(readModel.appliedFrom(topics.accounts())).isEqualTo(history.applied());
        // what went to the dead-letter topics, not what a counter of committed batches says
        assertThat(new DeadLetterTopic(bootstrapServers, topics.accounts()).all()).isEmpty();
        assertThat(new DeadLetterTopic(bootstrapServers, topics.contracts()).all()).isEmpty();
    }

    private double counted(String meter) {
        var counter = meters.find(meter).counter();
        return counter == null ? 0 : counter.count();
    }

    private int readiness() throws Exception {
        return probe("readiness");
    }

    /**
     * The status of a health probe, which must answer within one second (or the request fails). The
     * waits for a state ignore a slow answer (a loaded machine); the checks made during the outage do not.
     */
    private int probe(String group) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/" + group))
                        .timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
