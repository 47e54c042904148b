package com.accountview.query.web;

import static com.accountview.query.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.accountview.query.support.Api;
import com.accountview.query.support.OpenApiContract;
import com.accountview.query.support.QueryApiIT;
import com.accountview.query.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The actuator has a port of its own: the API port serves only the API, the management port only
 * probes and metrics, and an error on either is JSON, never Tomcat's HTML.
 */
@QueryApiIT
class ManagementPortIT {

    private static final String ACTUATOR_JSON = "application/vnd.spring-boot.actuator.v3+json";

    private final OpenApiContract openApi = OpenApiContract.document();

    @Autowired
    Api api;

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
            "/actuator/prometheus", "/actuator/metrics", "/actuator/info"})
    void theApiPortHasNoActuator(String path) {
        HttpResponse<String> response = api.getAsApiKey(path);

        assertThat(api.port()).isNotEqualTo(api.managementPort());
        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(json(response).path("code").asString()).isEqualTo("NOT_FOUND");
        openApi.assertBodyConforms(response, "ErrorResponse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void probesAnswerOnTheManagementPort(String path) {
        HttpResponse<String> response = api.actuator(path);

        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(ACTUATOR_JSON));
        assertThat(json(response).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusIsScrapedOnTheManagementPort() {
        HttpResponse<String> response = api.actuator("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("hikaricp_connections_max", "jvm_memory_used_bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v4/api-docs", "/v4/orgs/telco/external-accounts/214748364", "/", "/actuator/env",
            "/actuator/nope"})
    void theManagementPortServesNothingElse(String path) {
        HttpResponse<String> response = api.send(api.managementPort(), "GET", path, Api.GATEWAY_ROLES, "API_KEY");

        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(json(response).path("code").asString()).isEqualTo("NOT_FOUND");
        openApi.assertBodyConforms(response, "ErrorResponse");
    }

    /** Wrong methods and requests that Spring or Tomcat itself rejects, sent raw to the management port. */
    @ParameterizedTest
    @CsvSource({
            "POST /actuator/health, 405, METHOD_NOT_ALLOWED",
            "OPTIONS /actuator/health, 405, METHOD_NOT_ALLOWED",
            "OPTIONS /actuator/prometheus, 405, METHOD_NOT_ALLOWED",
            "DELETE /actuator/prometheus, 405, METHOD_NOT_ALLOWED",
            "TRACE /actuator/health, 405, METHOD_NOT_ALLOWED",
            "CONNECT /actuator/health, 405, METHOD_NOT_ALLOWED",
            "GET /actuator/%ZZ, 400, INVALID_REQUEST",
            "GET /actuator/health\u00e9, 400, INVALID_REQUEST",
            "GET /actuator/..%2Fenv, 400, INVALID_REQUEST"})
    void errorsOnTheManagementPortAreJson(String request, int status, String code) {
        RawHttp.Response response = RawHttp.send(api.managementPort(), RawHttp.request(request + " HTTP/1.1"));

        assertThat(response.status()).as(request).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(request).startsWith("application/json");
        assertThat(json(response.body()).path("code").asString()).isEqualTo(code);
        assertThat(json(response.body()).path("status").asInt()).isEqualTo(status);
        openApi.assertBodyConforms(response.body(), "ErrorResponse");
        if (status == 405) {
            assertThat(response.header("Allow")).as(request).isEqualTo("GET, HEAD");
        }
    }

    @Test
    void garbageOnTheManagementPortIsAJsonBadRequest() {
        RawHttp.Response response = RawHttp.send(api.managementPort(), "HELLO\r\n\r\n".getBytes());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        openApi.assertBodyConforms(response.body(), "ErrorResponse");
    }
}
