package com.accountview.tools.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Following a rebuild against a projector that answers as scripted (a JDK HTTP server on 127.0.0.1). */
class ProjectorAdminTest {

    private static final Duration POLL = Duration.ofMillis(10);
    private static final String BUILDING = """
            {"live":{"generation":1},"rebuild":{"generation":2,"eventsApplied":10}}""";
    private static final String LIVE = """
            {"live":{"generation":2},"rebuild":null}""";
    private static final String DATABASE_UNAVAILABLE = """
            {"error":"database unavailable","message":"The projector cannot reach its database"}""";

    private record Scripted(int status, String body) {
    }

    private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final List<String> unanswered = new CopyOnWriteArrayList<>();
    private final List<Integer> progress = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A projector that answers the script in turn, then its last line again and again. */
    private ProjectorAdmin projector(Duration unansweredAtMost, Scripted... answers) throws IOException {
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/actuator/rebuild", exchange -> {
            Scripted answer = script.size() > 1 ? script.poll() : script.peek();
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new ProjectorAdmin(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "token",
                unansweredAtMost);
    }

    private Optional<ProjectorAdmin.Answer> follow(ProjectorAdmin admin) throws Exception {
        return admin.awaitLive(2, POLL, Instant.now().plusSeconds(30),
                rebuild -> progress.add(rebuild.path("eventsApplied").asInt()), unanswered::add);
    }

    @Test
    void aRebuildAllowedAnIncompleteHistorySaysSoAndOneWithoutItDoesNot() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/actuator/rebuild", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = BUILDING.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        ProjectorAdmin admin = new ProjectorAdmin(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "token", Duration.ofMinutes(1));

        admin.start("complete");
        admin.start("what is left", true);

        assertThat(bodies).containsExactly("{\"reason\":\"complete\"}",
                "{\"reason\":\"what is left\",\"allowIncompleteHistory\":true}");
    }

    @Test
    void aRebuildRefusedForAnIncompleteHistoryFailsWithTheProjectorsReason() throws Exception {
        ProjectorAdmin admin = projector(Duration.ofMinutes(1), new Scripted(409, "{\"error\":\"incomplete history\","
                + "\"message\":\"The topics no longer hold their whole history: accounts-0 begins at offset 4.\"}"));

        assertThatThrownBy(() -> admin.start("complete")).isInstanceOf(RebuildFailedException.class)
                .hasMessageContaining("accounts-0 begins at offset 4");
    }

    @Test
    void aProjectorWithoutItsDatabaseForAWhileDoesNotEndTheFollowing() throws Exception {
        ProjectorAdmin admin = projector(Duration.ofMinutes(1), new Scripted(200, BUILDING),
                new Scripted(503, DATABASE_UNAVAILABLE), new Scripted(503, DATABASE_UNAVAILABLE),
                new Scripted(502, "<html>Bad Gateway</html>"), new Scripted(200, BUILDING), new Scripted(200, LIVE));

        Optional<ProjectorAdmin.Answer> live = follow(admin);

        assertThat(live).hasValueSatisfying(answer -> assertThat(answer.liveGeneration()).isEqualTo(2));
        assertThat(progress).containsExactly(10, 10);
        assertThat(unanswered).as("told once per series").singleElement().asString()
                .contains("503", "cannot reach its database");
    }

    @Test
    void aProjectorThatGivesNoProgressForTooLongEndsTheFollowing() throws Exception {
        ProjectorAdmin admin = projector(Duration.ofMillis(300), new Scripted(200, BUILDING),
                new Scripted(503, DATABASE_UNAVAILABLE));

        assertThatThrownBy(() -> follow(admin)).isInstanceOf(RebuildFailedException.class)
                .hasMessageContaining("no progress for PT0.3S").hasMessageContaining("--status");
        assertThat(unanswered).hasSize(1);
    }

    @Test
    void aProjectorThatDoesNotAnswerIsFollowedAsLongAsTheBoundAllows() throws Exception {
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingListens = socket.getLocalPort();
        }
        ProjectorAdmin gone = new ProjectorAdmin(URI.create("http://127.0.0.1:" + nothingListens), "token",
                Duration.ofMillis(300));

        assertThatThrownBy(() -> follow(gone)).isInstanceOf(RebuildFailedException.class)
                .hasMessageContaining("no progress");
        assertThat(unanswered).singleElement().asString().contains("does not answer")
                .doesNotContain(": null");
    }

    @Test
    void aProjectorThatTakesLongToAnswerIsNotFollowedPastTheDeadline() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/actuator/rebuild", exchange -> {
            // an answer held back far longer than the deadline, as by a projector waiting for its database
            try {
                released.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        ProjectorAdmin slow = new ProjectorAdmin(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "token", Duration.ofMinutes(5));
        long started = System.nanoTime();
        try {
            Optional<ProjectorAdmin.Answer> live = slow.awaitLive(2, POLL, Instant.now().plusMillis(500),
                    rebuild -> progress.add(0), unanswered::add);

            assertThat(live).as("the deadline passed first").isEmpty();
            // without the deadline, the request's own timeout would have held it for 30 s
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            assertThat(unanswered).singleElement().asString().contains("does not answer");
        } finally {
            released.countDown();
        }
    }

    @Test
    void aNotFoundFromSomethingElseThanTheProjectorSaysWhichAddressToGive() throws Exception {
        ProjectorAdmin queryApi = projector(Duration.ofMinutes(1), new Scripted(404,
                "{\"code\":\"NOT_FOUND\",\"status\":404,\"message\":\"No such resource.\",\"trace_id\":\"4bf92f35\"}"));

        assertThatThrownBy(queryApi::cancel).isInstanceOf(RebuildFailedException.class)
                .hasMessageContaining("no rebuild endpoint at that address (404: No such resource.)")
                .hasMessageContaining("--projector names the projector's management address");
    }

    @Test
    void theProjectorsOwnNotFoundKeepsItsMessage() throws Exception {
        ProjectorAdmin admin = projector(Duration.ofMinutes(1), new Scripted(404,
                "{\"message\":\"There is no rebuild to cancel\",\"status\":{\"live\":{\"generation\":2}}}"));

        assertThatThrownBy(admin::cancel).isInstanceOf(RebuildFailedException.class)
                .hasMessage("There is no rebuild to cancel");
    }

    @Test
    void anotherErrorEndsTheFollowingWithItsMessage() throws Exception {
        ProjectorAdmin admin = projector(Duration.ofMinutes(1), new Scripted(200, BUILDING),
                new Scripted(401, "{\"message\":\"Authorization: Bearer <admin token> required\"}"));

        assertThatThrownBy(() -> follow(admin)).isInstanceOf(RebuildFailedException.class)
                .hasMessageContaining("Authorization");
        assertThat(unanswered).isEmpty();
    }
}
