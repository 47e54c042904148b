package com.accountview.query.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ErrorResponsesTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final JsonMapper json = JsonMapper.builder().build();
    private final ErrorResponses errors = new ErrorResponses(json);

    private static MockHttpServletRequest tracedRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v4/orgs/telco/external-accounts/1");
        request.addHeader("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
        return request;
    }

    /** A returned outcome is answered as a thrown one was: same status, headers and body, serialized once. */
    @Test
    void anAnsweredErrorIsTheEntityOfAThrownOneSerialized() {
        ResponseEntity<ErrorResponse> thrown =
                errors.entity(tracedRequest(), ErrorCode.ACCOUNT_NOT_FOUND, "No account.");

        ResponseEntity<byte[]> answered = errors.answer(tracedRequest(), ErrorCode.ACCOUNT_NOT_FOUND, "No account.");

        assertThat(answered.getStatusCode()).isEqualTo(thrown.getStatusCode());
        assertThat(answered.getHeaders()).isEqualTo(thrown.getHeaders());
        assertThat(answered.getBody()).isEqualTo(json.writeValueAsBytes(thrown.getBody()));
    }

    @Test
    void anAnsweredErrorIsJsonThatMustBeRevalidatedWithTheRequestsTraceId() {
        ResponseEntity<byte[]> answered = errors.answer(tracedRequest(), ErrorCode.EXTERNAL_ID_CONFLICT, "Several.");

        assertThat(answered.getStatusCode().value()).isEqualTo(409);
        assertThat(answered.getHeaders().getContentType()).hasToString("application/json");
        assertThat(answered.getHeaders().getCacheControl()).isEqualTo("no-cache");
        assertThat(new String(answered.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"code\":\"EXTERNAL_ID_CONFLICT\","
                + "\"status\":409,\"message\":\"Several.\",\"trace_id\":\"" + TRACE_ID + "\"}");
    }

    @Test
    void aWrittenErrorIsTheAnsweredOne() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        errors.write(tracedRequest(), response, ErrorCode.SERVICE_UNAVAILABLE, "Down.");

        ResponseEntity<byte[]> answered = errors.answer(tracedRequest(), ErrorCode.SERVICE_UNAVAILABLE, "Down.");
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsByteArray()).isEqualTo(answered.getBody());
    }
}
