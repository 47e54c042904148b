package com.accountview.projector.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.accountview.projector.support.EventStream;
import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.projector.support.Projections;
import com.accountview.projector.support.RandomHistory;
import com.accountview.projector.support.ReadModel;
import com.accountview.testinfra.TestInfrastructure;
import com.accountview.testinfra.events.TestEvent;

/**
 * PostgreSQL stopped in the middle of a stream and started again: nothing is lost, nothing
 * dead-lettered or skipped, and readiness goes DOWN and comes back UP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=1000",
        "accountview.projection.retry-max-interval=1s"})
class DatabaseOutageIT extends ProjectorContextTest {

    @LocalServerPort
    int port;

    @Test
    void projectorWaitsOutADatabaseOutageWithoutLosingOrDeadLetteringAnything() throws Exception {
        RandomHistory history = RandomHistory.of(2024, "outage", 300, 4);
        List<TestEvent> delivery = history.delivery();
        int half = delivery.size() / 2;
        await().atMost(Duration.ofSeconds(60)).until(() -> readiness() == 200);

        try (EventStream stream = events) {
            delivery.subList(0, half).forEach(event -> stream.send(event.structured(topics.accounts())));
            await().atMost(Duration.ofSeconds(60)).until(() -> consumed(readModel) >= half / 2);

            TestInfrastructure.postgres().halt();
            try {
                delivery.subList(half, delivery.size()).forEach(event -> stream.send(event.structured(topics.accounts())));
                await().atMost(Duration.ofSeconds(60)).until(() -> readiness() == 503);
                // retries keep failing for a while; none of them may dead-letter or skip anything
                await().atMost(Duration.ofSeconds(30)).until(() -> failedRetries() >= 3);
            } finally {
                TestInfrastructure.postgres().restart();
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> readiness() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> consumed(readModel) == delivery.size());
        Projections.assertMatches(readModel, "outage", history);
        assertThat(readModel.appliedFrom(topics.accounts())).isEqualTo(history.applied());
        assertThat(Search.in(meters).name("accountview.projector.events").tag("outcome", "dead_lettered").counters())
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    private long consumed(ReadModel readModel) {
        return readModel.storedOffsets(topics.accounts()).values().stream().mapToLong(Long::longValue).sum();
    }

    private double failedRetries() {
        var counter = meters.find("accountview.projector.batch.failures").counter();
        return counter == null ? 0 : counter.count();
    }

    private int readiness() throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
