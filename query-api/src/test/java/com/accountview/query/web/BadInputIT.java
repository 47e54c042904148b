package com.accountview.query.web;

import static com.accountview.query.support.Api.account;
import static com.accountview.query.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.accountview.query.support.Api;
import com.accountview.query.support.OpenApiContract;
import com.accountview.query.support.ProjectedReadModel;
import com.accountview.query.support.QueryApiIT;
import com.accountview.query.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hostile and malformed input is answered with the right 4xx as an ErrorResponse, never a 5xx,
 * whether Spring or Tomcat itself rejects it.
 */
@QueryApiIT
class BadInputIT {

    private final OpenApiContract openApi = OpenApiContract.document();

    @Autowired
    Api api;

    private void assertInvalidRequest(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(400);
        assertThat(json(response).path("code").asString()).isEqualTo("INVALID_REQUEST");
        openApi.assertBodyConforms(response, "ErrorResponse");
    }

    private void assertInvalidRequest(RawHttp.Response response) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(json(response.body()).path("code").asString()).isEqualTo("INVALID_REQUEST");
        openApi.assertBodyConforms(response.body(), "ErrorResponse");
    }

    @Test
    void idsAtTheLengthLimitAreAccepted() {
        String org = "o" + "a".repeat(62);
        String externalId = "E".repeat(64);
        UUID accountId = ProjectedReadModel.shared().newAccount(org, externalId);

        HttpResponse<String> response = api.getAsApiKey(account(org, externalId));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("id").asString()).isEqualTo(accountId.toString());
    }

    @Test
    void orgIdBeyondTheLengthLimitIsInvalid() {
        assertInvalidRequest(api.getAsApiKey(account("o" + "a".repeat(63), "x")));
    }

    @Test
    void externalIdBeyondTheLengthLimitIsInvalid() {
        assertInvalidRequest(api.getAsApiKey(account("telco", "E".repeat(65))));
        assertInvalidRequest(api.getAsApiKey(account("telco", "E".repeat(65)) + "/contracts"));
        assertInvalidRequest(api.getAsApiKey(account("telco", "E".repeat(65)) + "/contracts/active"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Telco", "-telco", "_telco", "te.lco", "te%20lco", "t%C3%A9lco", "telco%27", "%2A"})
    void malformedOrgIdIsInvalid(String org) {
        assertInvalidRequest(api.getAsApiKey(account(org, "123")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%20b", "%C3%A9t%C3%A9", "%E2%80%AE123", "a%27%3B%20DROP%20TABLE%20account%3B--",
            "1%27%20OR%20%271%27%3D%271", "a%22b", "a%2Cb", "a%40b", "a%2Bb", "a%00b", "%25", "a;b", "a%3Bb"})
    void malformedExternalIdIsInvalid(String externalId) {
        assertInvalidRequest(api.getAsApiKey(account("telco", externalId)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "a%2fb", "a%5Cb", "%2F..%2F..%2Fetc%2Fpasswd"})
    void percentEncodedSlashesAreInvalid(String externalId) {
        assertInvalidRequest(api.getAsApiKey(account("telco", externalId)));
        assertInvalidRequest(api.getAsApiKey(account("telco", externalId) + "/contracts"));
    }

    @Test
    void rawUnicodeInTheRequestLineIsInvalid() {
        assertInvalidRequest(RawHttp.send(api.port(), RawHttp.request(
                "GET /v4/orgs/telco/external-accounts/\u00e9t\u00e9 HTTP/1.1", "x-auth-roles: API_KEY")));
    }

    @Test
    void rawSqlMetacharactersInTheRequestLineAreInvalid() {
        assertInvalidRequest(RawHttp.send(api.port(), RawHttp.request(
                "GET /v4/orgs/telco/external-accounts/1'OR'1'='1 HTTP/1.1", "x-auth-roles: API_KEY")));
        assertInvalidRequest(RawHttp.send(api.port(), RawHttp.request(
                "GET /v4/orgs/telco/external-accounts/{a}|\"b\" HTTP/1.1", "x-auth-roles: API_KEY")));
    }

    @Test
    void veryLongHeaderIsInvalid() {
        assertInvalidRequest(RawHttp.send(api.port(), RawHttp.request(
                "GET /v4/orgs/telco/external-accounts/123 HTTP/1.1", "x-auth-roles: API_KEY",
                "x-padding: " + "a".repeat(64 * 1024))));
    }

    @Test
    void veryLongRolesHeaderIsInvalid() {
        assertInvalidRequest(RawHttp.send(api.port(), RawHttp.request(
                "GET /v4/orgs/telco/external-accounts/123 HTTP/1.1", "x-auth-roles: " + "API_KEY,".repeat(5000))));
    }

    @Test
    void veryLongPathIsInvalid() {
        assertInvalidRequest(RawHttp.send(api.port(), RawHttp.request(
                "GET /v4/orgs/telco/external-accounts/" + "a".repeat(20_000) + " HTTP/1.1", "x-auth-roles: API_KEY")));
    }

    @Test
    void malformedPercentEncodingIsInvalid() {
        assertInvalidRequest(RawHttp.send(api.port(), RawHttp.request(
                "GET /v4/orgs/telco/external-accounts/%ZZ HTTP/1.1", "x-auth-roles: API_KEY")));
    }

    @Test
    void garbageInsteadOfARequestIsInvalid() {
        RawHttp.Response response = RawHttp.send(api.port(), "HELLO\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertInvalidRequest(response);
    }

    @Test
    void unreadableHeaderNameIsInvalid() {
        assertInvalidRequest(RawHttp.send(api.port(), RawHttp.request(
                "GET /v4/orgs/telco/external-accounts/123 HTTP/1.1", "x-auth-roles: API_KEY", "x-bad\u0001: y")));
    }

    @Test
    void dotSegmentsThatEscapeTheApiAreNotAnswered5xx() {
        RawHttp.Response response = RawHttp.send(api.port(), RawHttp.request(
                "GET /v4/orgs/telco/external-accounts/../../../actuator/env HTTP/1.1", "x-auth-roles: API_KEY"));

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }
}
