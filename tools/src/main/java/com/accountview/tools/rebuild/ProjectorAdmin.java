package com.accountview.tools.rebuild;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A running projector's admin endpoint {@code /actuator/rebuild}, with its admin token. Thread-safe.
 */
final class ProjectorAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String token;

    ProjectorAdmin(URI projector, String token) {
        this.endpoint = projector.resolve("/actuator/rebuild");
        this.token = token;
    }

    /** An answer of the endpoint: its HTTP status and JSON body. */
    record Answer(int status, JsonNode body) {

        String message() {
            return body.path("message").asString(body.toString());
        }
    }

    Answer status() throws IOException, InterruptedException {
        return send(request().GET());
    }

    Answer start(String reason) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("reason", reason);
        return send(request().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer cancel() throws IOException, InterruptedException {
        return send(request().DELETE());
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("the projector does not answer at " + endpoint + ": " + e.getMessage()
                    + " (is it running? see --projector)", e);
        }
        String body = response.body();
        return new Answer(response.statusCode(), body == null || body.isBlank() ? JSON.createObjectNode()
                : JSON.readTree(body));
    }
}
