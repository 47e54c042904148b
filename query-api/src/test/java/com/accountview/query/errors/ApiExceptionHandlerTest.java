package com.accountview.query.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(new ErrorResponses(JsonMapper.builder().build()));

    @Test
    void unexpectedFailureIsInternalErrorWithoutInternalsAndLoggedWithItsTraceId(CapturedOutput log) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v4/orgs/telco/external-accounts/1");

        ResponseEntity<ErrorResponse> response = handler.other(
                new IllegalStateException("SELECT secret FROM accountview.account"), request);

        ErrorResponse body = response.getBody();
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(body.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(body.message()).doesNotContain("SELECT", "IllegalStateException", "accountview");
        assertThat(body.traceId()).matches("[0-9a-f]{32}");
        assertThat(log.getOut()).contains("trace_id=" + body.traceId()).contains("IllegalStateException");
    }

    @Test
    void aClientGoneAwayIsAnsweredNothingAndNotLoggedAsAFailure(CapturedOutput log) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v4/orgs/telco/external-accounts/1");

        ResponseEntity<ErrorResponse> response = handler.other(
                new ClientAbortException(new IOException("Connection reset by peer")), request);

        assertThat(response).isNull();
        assertThat(log.getOut()).doesNotContain("Unexpected failure").doesNotContain("ClientAbortException");
    }

    @Test
    void frameworkClientErrorKeepsItsStatusAndHeaders() {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/v4/api-docs");

        ResponseEntity<ErrorResponse> response = handler.other(
                new HttpRequestMethodNotSupportedException("PUT", java.util.List.of("GET")), request);

        assertThat(response.getStatusCode().value()).isEqualTo(405);
        assertThat(response.getBody().code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(response.getHeaders().getAllow()).contains(HttpMethod.GET);
    }

    @Test
    void unavailabilityCarriesRetryAfter() {
        ResponseEntity<ErrorResponse> response = handler.api(
                new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "down"), new MockHttpServletRequest());

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    }

    @Test
    void anUnavailableAnswerIsLoggedInOneLineWithItsCause(CapturedOutput log) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v4/orgs/telco/external-accounts/1");
        var cause = new java.sql.SQLTransientConnectionException("Connection is not available, request timed out");

        handler.api(new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "unreachable", cause), request);

        assertThat(log.getOut())
                .contains("answered SERVICE_UNAVAILABLE (trace_id=" + TraceIds.of(request) + "): "
                        + "java.sql.SQLTransientConnectionException: Connection is not available")
                .doesNotContain("{}")
                .doesNotContain("\tat ");
    }
}
