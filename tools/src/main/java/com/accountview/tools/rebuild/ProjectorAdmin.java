package com.accountview.tools.rebuild;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A running projector's admin endpoint {@code /actuator/rebuild}, with its admin token: start,
 * follow, show and cancel a rebuild. Used by {@code ./accountview rebuild} and the benchmark.
 * Thread-safe.
 */
public final class ProjectorAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long following a rebuild goes on while the projector gives no progress (no answer, or 502-504). */
    static final Duration UNANSWERED_AT_MOST = Duration.ofMinutes(5);
    /** How long one request may take; a status asked while following takes at most the time left. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String token;
    private final Duration unansweredAtMost;

    /** @param projector the projector's management address, e.g. {@code http://localhost:8081} */
    public ProjectorAdmin(URI projector, String token) {
        this(projector, token, UNANSWERED_AT_MOST);
    }

    ProjectorAdmin(URI projector, String token, Duration unansweredAtMost) {
        this.endpoint = projector.resolve("/actuator/rebuild");
        this.token = token;
        this.unansweredAtMost = unansweredAtMost;
    }

    /** An answer of the endpoint: its HTTP status and JSON body. */
    public record Answer(int status, JsonNode body) {

        public String message() {
            return body.path("message").asString(body.toString());
        }

        /** The live generation's id; 0 when none is live. */
        public int liveGeneration() {
            return body.path("live").path("generation").asInt(0);
        }

        /** The running rebuild's progress as the projector reports it; a missing or null node when none runs. */
        public JsonNode rebuild() {
            return body.path("rebuild");
        }

        /** A gateway's or the projector's "not now": 502, 503 (its database unreachable) or 504. */
        boolean isUnavailable() {
            return status == 502 || status == 503 || status == 504;
        }

        /** This answer, if its status is {@code expected}. */
        Answer require(int expected) throws RebuildFailedException {
            if (status != expected) {
                throw new RebuildFailedException(status == 404 && !fromTheRebuildEndpoint()
                        ? "there is no rebuild endpoint at that address (404: " + message() + "): --projector names"
                                + " the projector's management address, e.g. http://localhost:8081, not the query-api's"
                        : message(), status);
            }
            return this;
        }

        /** Every answer of the projector's endpoint, its 404 for "no rebuild to cancel" too, shows the live generation. */
        private boolean fromTheRebuildEndpoint() {
            return body.has("live") || body.path("status").isObject();
        }
    }

    public Answer status() throws IOException, InterruptedException {
        return status(REQUEST_TIMEOUT);
    }

    private Answer status(Duration timeout) throws IOException, InterruptedException {
        return send(request().timeout(timeout).GET());
    }

    /**
     * Starts a rebuild that needs the topics' whole history.
     *
     * @param reason a note kept with the new generation
     * @return the projector's status, with the new generation as {@link Answer#rebuild()}
     * @throws RebuildFailedException when it was refused (one runs already, a wrong token, topics that lost records)
     */
    public Answer start(String reason) throws IOException, InterruptedException, RebuildFailedException {
        return start(reason, false);
    }

    /**
     * Starts a rebuild.
     *
     * @param reason                 a note kept with the new generation
     * @param allowIncompleteHistory whether to rebuild even from topics whose first records were deleted
     * @return the projector's status, with the new generation as {@link Answer#rebuild()}
     * @throws RebuildFailedException when it was refused (one runs already, a wrong token, topics that lost records
     *                                while they were not allowed to)
     */
    public Answer start(String reason, boolean allowIncompleteHistory)
            throws IOException, InterruptedException, RebuildFailedException {
        ObjectNode body = JSON.createObjectNode().put("reason", reason);
        if (allowIncompleteHistory) {
            body.put("allowIncompleteHistory", true);
        }
        return send(request().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))).require(202);
    }

    /** @throws RebuildFailedException when none runs, or it was refused */
    public Answer cancel() throws IOException, InterruptedException, RebuildFailedException {
        return send(request().DELETE()).require(200);
    }

    /**
     * Follows the rebuild of {@code generation} until it is live: asks for the status every
     * {@code poll} and hands the rebuild's progress to {@code progress} each time. A projector
     * that does not answer, or answers 502-504 (its database unreachable), does not end the
     * following: the rebuild goes on without it, and a restarted projector resumes it. The first
     * such answer of a series goes to {@code unanswered}; after {@link #UNANSWERED_AT_MOST} of them
     * in a row, following ends.
     *
     * @return the first status that shows {@code generation} live; empty when {@code deadline}
     *         passed first (the rebuild goes on): no request or pause outlasts it
     * @throws RebuildFailedException when the endpoint answers another error, gave no progress
     *         for {@link #UNANSWERED_AT_MOST}, or the rebuild ended without going live (cancelled)
     */
    public Optional<Answer> awaitLive(int generation, Duration poll, Instant deadline, Consumer<JsonNode> progress,
                                      Consumer<String> unanswered)
            throws InterruptedException, RebuildFailedException {
        Instant answeredLast = Instant.now();
        boolean answering = true;
        while (Instant.now().isBefore(deadline)) {
            Optional<Answer> available = availableStatus(answering ? unanswered : why -> { },
                    timeLeft(deadline, REQUEST_TIMEOUT));
            if (available.isEmpty()) {
                answering = false;
                if (Instant.now().isAfter(answeredLast.plus(unansweredAtMost))) {
                    throw new RebuildFailedException("the projector gave no progress for " + unansweredAtMost
                            + "; the rebuild may go on (--status)");
                }
                Thread.sleep(timeLeft(deadline, poll).toMillis());
                continue;
            }
            answering = true;
            answeredLast = Instant.now();
            Answer answer = available.get().require(200);
            if (answer.liveGeneration() == generation) {
                return Optional.of(answer);
            }
            if (answer.rebuild().path("generation").asInt(0) != generation) {
                throw new RebuildFailedException("the rebuild of generation " + generation
                        + " ended without going live (cancelled?)");
            }
            progress.accept(answer.rebuild());
            Thread.sleep(timeLeft(deadline, poll).toMillis());
        }
        return Optional.empty();
    }

    /** {@code atMost}, or less when the deadline comes sooner; at least a millisecond (a request's timeout must be positive). */
    private static Duration timeLeft(Instant deadline, Duration atMost) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.compareTo(atMost) < 0 ? Duration.ofMillis(Math.max(1, left.toMillis())) : atMost;
    }

    /** The status, or empty when the projector did not answer or answered 502-504 (told to {@code unanswered}). */
    private Optional<Answer> availableStatus(Consumer<String> unanswered, Duration timeout) throws InterruptedException {
        Answer answer;
        try {
            answer = status(timeout);
        } catch (IOException noAnswer) {
            unanswered.accept(noAnswer.getMessage());
            return Optional.empty();
        }
        if (answer.isUnavailable()) {
            unanswered.accept("it answers " + answer.status() + ": " + answer.message());
            return Optional.empty();
        }
        return Optional.of(answer);
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("the projector does not answer at " + endpoint + ": " + reason(e)
                    + " (is it running? see --projector)", e);
        }
        return new Answer(response.statusCode(), json(response.body()));
    }

    /**
     * What went wrong, in words: the JDK's client throws a refused connection as a
     * {@code ConnectException} without a message of its own (its cause has one).
     */
    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }

    /** The body as JSON; a body that is not (say, a gateway's page) as the {@code message} of an object. */
    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException notJson) {
            return JSON.createObjectNode().put("message", body.strip());
        }
    }
}
