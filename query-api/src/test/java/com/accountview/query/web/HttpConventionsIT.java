package com.accountview.query.web;

import static com.accountview.query.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.accountview.query.support.Api;
import com.accountview.query.support.Ids;
import com.accountview.query.support.OpenApiContract;
import com.accountview.query.support.ProjectedReadModel;
import com.accountview.query.support.QueryApiIT;
import com.accountview.query.support.RawHttp;
import com.accountview.query.support.TestAccount;
import com.accountview.testinfra.events.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** ETags, caching, HEAD, methods, unknown paths, the served OpenAPI document and request metrics. */
@QueryApiIT
class HttpConventionsIT {

    private final ProjectedReadModel readModel = ProjectedReadModel.shared();
    private final OpenApiContract openApi = OpenApiContract.document();
    private final TestAccount account = TestAccount.fresh();
    private UUID accountId;

    @Autowired
    Api api;

    @BeforeEach
    void accountWithAContract() {
        accountId = readModel.newAccountWithAContract(account);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/contracts", "/contracts/active"})
    void matchingIfNoneMatchIsNotModified(String endpoint) {
        HttpResponse<String> first = api.getAsApiKey(account.path() + endpoint);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");

        HttpResponse<String> again = api.getAsApiKey(account.path() + endpoint, "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        openApi.assertConforms(OpenApiContract.ACCOUNT + endpoint, again);
    }

    /** The tag is computed from the very bytes sent, so a client can check one against the other. */
    @ParameterizedTest
    @ValueSource(strings = {"", "/contracts", "/contracts/active"})
    void etagIsTheHashOfTheBodySent(String endpoint) throws Exception {
        HttpResponse<String> response = api.getAsApiKey(account.path() + endpoint);

        assertThat(response.statusCode()).isEqualTo(200);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("ETag")).hasValue("\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
    }

    @Test
    void etagChangesWithTheData() {
        String before = api.getAsApiKey(account.path() + "/contracts").headers().firstValue("ETag").orElseThrow();
        readModel.contracts(TestEvents.contract(UUID.randomUUID()).org(account.org()).account(accountId).created());

        HttpResponse<String> after = api.getAsApiKey(account.path() + "/contracts", "If-None-Match", before);

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/contracts", "/contracts/active"})
    void headAnswersLikeGetWithoutABody(String endpoint) {
        HttpResponse<String> get = api.getAsApiKey(account.path() + endpoint);

        HttpResponse<String> head = api.send("HEAD", account.path() + endpoint, Api.GATEWAY_ROLES, "API_KEY");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
    }

    /** Spring MVC's guard against reflected file downloads, which the handlers that write their answers keep. */
    @Test
    void aBodySentToAPathEndingInAnExtensionABrowserMightRunIsMarkedInline() {
        TestAccount dotted = new TestAccount(account.org(), account.externalId() + ".bat");
        readModel.newAccountWithAContract(dotted);

        HttpResponse<String> found = api.getAsApiKey(dotted.path());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.headers().firstValue("Content-Disposition")).hasValue("inline;filename=f.txt");
        // the guard looks at the last segment only
        HttpResponse<String> contracts = api.getAsApiKey(dotted.path() + "/contracts");
        assertThat(contracts.statusCode()).isEqualTo(200);
        assertThat(contracts.headers().firstValue("Content-Disposition")).isEmpty();
        HttpResponse<String> missing = api.getAsApiKey(Api.account(account.org(), account.externalId() + ".cmd"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Disposition")).hasValue("inline;filename=f.txt");
        for (String safe : List.of(account.path(), Api.account(account.org(), account.externalId() + ".json"))) {
            assertThat(api.getAsApiKey(safe).headers().firstValue("Content-Disposition")).as(safe).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"})
    void methodsOtherThanGetAndHeadAreNotAllowed(String method) {
        HttpResponse<String> response = api.send(method, account.path(), Api.GATEWAY_ROLES, "API_KEY");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json(response).path("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
        openApi.assertConforms(OpenApiContract.ACCOUNT, response);
    }

    /** Methods Tomcat answers itself (CONNECT) or does not know: sent raw, as no HTTP client would send them. */
    @ParameterizedTest
    @ValueSource(strings = {"CONNECT %s", "CONNECT localhost:443", "FOO %s", "PROPFIND %s", "MKCOL %s"})
    void unusualMethodsAreNotAllowedEither(String requestLine) {
        RawHttp.Response response = RawHttp.send(api.port(), RawHttp.request(
                requestLine.formatted(account.path()) + " HTTP/1.1", "x-auth-roles: API_KEY"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(json(response.body()).path("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
        openApi.assertBodyConforms(response.body(), "ErrorResponse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/v4", "/v4/orgs/telco", "/v4/orgs/telco/external-accounts/x/contracts/history",
            "/v4/orgs/telco/external-accounts/x/", "/favicon.ico"})
    void unknownPathIsNotFound(String path) {
        HttpResponse<String> response = api.getAsApiKey(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("code").asString()).isEqualTo("NOT_FOUND");
        openApi.assertBodyConforms(response, "ErrorResponse");
    }

    @Test
    void servedOpenApiDocumentIsTheOneInTheRepository() throws IOException {
        HttpResponse<String> response = api.get("/v4/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream kept = getClass().getResourceAsStream(OpenApiContract.DOCUMENT)) {
            assertThat(response.body()).isEqualTo(new String(kept.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(openApi.root().path("openapi").asString()).startsWith("3.");

        String etag = response.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = api.get("/v4/api-docs", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    /** Ranges (206, 416) are outside the API's contract: a range request gets the whole document. */
    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-10", "bytes=99999-"})
    void openApiDocumentIsServedWholeWhateverRangeIsAsked(String range) {
        HttpResponse<String> whole = api.get("/v4/api-docs");

        HttpResponse<String> response = api.get("/v4/api-docs", "Range", range);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Range")).isEmpty();
        assertThat(response.body()).isEqualTo(whole.body());
    }

    @Test
    void requestLatencyIsAHistogramPerEndpointAndStatus() {
        api.getAsApiKey(account.path());
        api.getAsApiKey(Api.account(account.org(), Ids.externalId()));

        String metrics = api.actuator("/actuator/prometheus").body();

        assertThat(metrics).contains("http_server_requests_seconds_bucket{")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*status=\"200\"[^}]*"
                        + "uri=\"/v4/orgs/\\{orgId}/external-accounts/\\{externalId}\"")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*status=\"404\"[^}]*"
                        + "uri=\"/v4/orgs/\\{orgId}/external-accounts/\\{externalId}\"");
    }

    /** Refused before routing (401, 405) still counts under the endpoint refused, not under every unknown path's UNKNOWN. */
    @Test
    void refusedRequestsAreCountedUnderTheirEndpoint() {
        String contracts = account.path() + "/contracts";
        assertThat(api.get(contracts).statusCode()).isEqualTo(401);
        assertThat(api.send("DELETE", contracts).statusCode()).isEqualTo(405);
        assertThat(api.getAsApiKey("/v4/orgs/" + account.org() + "/nothing-here").statusCode()).isEqualTo(404);

        String metrics = api.actuator("/actuator/prometheus").body();

        String endpoint = "uri=\"/v4/orgs/\\{orgId}/external-accounts/\\{externalId}/contracts\"";
        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"401\"[^}]*" + endpoint)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"DELETE\"[^}]*status=\"405\"[^}]*" + endpoint)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"NOT_FOUND\"");
    }

    /** Spring Security's observations of each filter are off: the request histogram above times every request. */
    @Test
    void securityFiltersAreNotObservedOneByOne() {
        assertThat(api.getAsApiKey(account.path()).statusCode()).isEqualTo(200);

        assertThat(api.actuator("/actuator/prometheus").body()).doesNotContain("spring_security");
    }
}
