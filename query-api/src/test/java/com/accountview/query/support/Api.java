package com.accountview.query.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the query-api under test: real requests over the loopback interface, to
 * the API port or to the management (actuator) port. Thread-safe.
 */
public final class Api {

    public static final String GATEWAY_ROLES = "x-auth-roles";
    /** The three lookups, as suffixes of {@link #account(String, String)}. */
    public static final List<String> ENDPOINTS = List.of("", "/contracts", "/contracts/active");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final int managementPort;

    public Api(int port, int managementPort) {
        this.port = port;
        this.managementPort = managementPort;
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    /** {@code GET path} with the given header name/value pairs. */
    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    /** {@code GET path} as a caller that the gateway gave the role {@code API_KEY}. */
    public HttpResponse<String> getAsApiKey(String path, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = GATEWAY_ROLES;
        all[1] = "API_KEY";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return get(path, all);
    }

    /** {@code GET path} on the management port, e.g. {@code /actuator/health/readiness}. */
    public HttpResponse<String> actuator(String path) {
        return send(managementPort, "GET", path);
    }

    public HttpResponse<String> send(String method, String path, String... headers) {
        return send(port, method, path, headers);
    }

    /** {@code method path} with the given header name/value pairs, to the given port. */
    public HttpResponse<String> send(int toPort, String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + toPort + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** The path of the account lookup; append {@code /contracts} or {@code /contracts/active}. */
    public static String account(String org, String externalId) {
        return "/v4/orgs/" + org + "/external-accounts/" + externalId;
    }
}
