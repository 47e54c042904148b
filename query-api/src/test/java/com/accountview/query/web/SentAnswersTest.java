package com.accountview.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** What {@link ConditionalResponses#send} puts on the wire, as Spring MVC did from the returned entity. */
class SentAnswersTest {

    record Body(String id, List<String> items) {
    }

    private static final String PATH = "/v4/orgs/telco/external-accounts/555000111";

    private final ConditionalResponses responses = new ConditionalResponses(JsonMapper.builder().build());
    private final ResponseEntity<byte[]> ok = responses.ok(new Body("a", List.of("x")));

    private MockHttpServletResponse send(ResponseEntity<byte[]> answer, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        responses.send(answer, request, response);
        return response;
    }

    @Test
    void aTwoHundredGoesWithItsHeadersItsLengthAndItsBody() throws Exception {
        MockHttpServletResponse response = send(ok, new MockHttpServletRequest("GET", PATH));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(response.getHeader("ETag")).isEqualTo(ok.getHeaders().getETag());
        assertThat(response.getHeaderValues("ETag")).hasSize(1);
        assertThat(response.getContentLength()).isEqualTo(ok.getBody().length);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"a\",\"items\":[\"x\"]}");
        assertThat(response.getHeader("Content-Disposition")).isNull();
    }

    @Test
    void aGetOrHeadNamingTheTagIsAnswered304WithTheTagAndNoBody() throws Exception {
        for (String method : List.of("GET", "HEAD")) {
            MockHttpServletRequest request = new MockHttpServletRequest(method, PATH);
            request.addHeader("If-None-Match", "\"0123\", " + ok.getHeaders().getETag());

            MockHttpServletResponse response = send(ok, request);

            assertThat(response.getStatus()).as(method).isEqualTo(304);
            assertThat(response.getHeader("ETag")).as(method).isEqualTo(ok.getHeaders().getETag());
            assertThat(response.getHeader("Cache-Control")).as(method).isEqualTo("no-cache");
            assertThat(response.getContentAsByteArray()).as(method).isEmpty();
        }
    }

    @Test
    void anotherTagOrTheWildcardIsAnsweredInFull() throws Exception {
        for (String tags : List.of("\"0123\"", "*")) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", PATH);
            request.addHeader("If-None-Match", tags);

            MockHttpServletResponse response = send(ok, request);

            assertThat(response.getStatus()).as(tags).isEqualTo(200);
            assertThat(response.getContentAsByteArray()).as(tags).isEqualTo(ok.getBody());
        }
    }

    @Test
    void anErrorIsSentAsItIsWhateverTheRequestsConditions() throws Exception {
        ResponseEntity<byte[]> notFound = ResponseEntity.status(404).header("Cache-Control", "no-cache")
                .header("Content-Type", "application/json").body("{\"code\":\"ACCOUNT_NOT_FOUND\"}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", PATH);
        request.addHeader("If-None-Match", "*");

        MockHttpServletResponse response = send(notFound, request);

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getContentLength()).isEqualTo(notFound.getBody().length);
        assertThat(response.getContentAsByteArray()).isEqualTo(notFound.getBody());
    }

    @Test
    void aBodyForAPathEndingInAnExtensionABrowserMightRunIsMarkedInline() throws Exception {
        for (String path : List.of("/v4/orgs/telco/external-accounts/x.bat", "/v4/orgs/telco/external-accounts/x;y.cmd",
                "/v4/orgs/telco/external-accounts/x%2Ebat", "/v4/orgs/telco/external-accounts/A.1")) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", path);

            assertThat(send(ok, request).getHeader("Content-Disposition")).as(path).isEqualTo("inline;filename=f.txt");
        }
    }

    @Test
    void aPathWithoutAnExtensionOrWithASafeOneIsNotMarked() throws Exception {
        for (String path : List.of(PATH + "/contracts/active", "/v4/orgs/telco/external-accounts/x.json",
                "/v4/orgs/telco/external-accounts/x.TXT", "/v4/api-docs")) {
            assertThat(send(ok, new MockHttpServletRequest("GET", path)).getHeader("Content-Disposition")).as(path).isNull();
        }
    }

    @Test
    void a304IsNotMarked() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v4/orgs/telco/external-accounts/x.bat");
        request.addHeader("If-None-Match", ok.getHeaders().getETag());

        assertThat(send(ok, request).getHeader("Content-Disposition")).isNull();
    }
}
