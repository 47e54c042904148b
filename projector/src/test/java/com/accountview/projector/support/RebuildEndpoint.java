package com.accountview.projector.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /actuator/rebuild} of a projector, over HTTP, as an operator (or the command) calls it. */
public final class RebuildEndpoint {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI uri;
    private final String token;

    /** @param token the admin token to send, or null to send none */
    public RebuildEndpoint(int port, String token) {
        this.uri = URI.create("http://localhost:" + port + "/actuator/rebuild");
        this.token = token;
    }

    /** An answer: its status and JSON body. */
    public record Answer(int status, JsonNode body) {

        /** The live generation's id. */
        public int liveGeneration() {
            return body.path("live").path("generation").asInt();
        }

        /** The generation being built, or 0 when no rebuild runs. */
        public int rebuildGeneration() {
            return body.path("rebuild").path("generation").asInt(0);
        }
    }

    public Answer status() {
        return send(request().GET());
    }

    public Answer start(String reason) {
        return send(request().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + reason + "\"}")));
    }

    /** Starts a rebuild that may go on from topics whose first records were deleted. */
    public Answer startAllowingIncompleteHistory(String reason) {
        return send(request().header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"reason\":\"" + reason + "\",\"allowIncompleteHistory\":true}")));
    }

    public Answer cancel() {
        return send(request().DELETE());
    }

    private HttpRequest.Builder request() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.createObjectNode()
                    : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
