package com.accountview.query.errors;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@link ErrorResponse} of a failed request: as a {@link ResponseEntity} for exception
 * handlers, as one with the serialized body for handlers that return an expected outcome, or
 * written straight to the servlet response for filters. Always {@code application/json},
 * whatever the request's {@code Accept} says. Thread-safe.
 */
@Component
public class ErrorResponses {

    /** Long enough for a database restart or a drained pool; short enough for clients to come back soon. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final JsonMapper json;

    /** @param json writes the bodies of {@link #answer} and {@link #write}; in the application, Spring Boot's mapper */
    public ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    /** The error for {@code code} with its own status. */
    public ResponseEntity<ErrorResponse> entity(HttpServletRequest request, ErrorCode code, String message) {
        return entity(request, code, code.status().value(), message, new HttpHeaders());
    }

    /**
     * The error for {@code code} with its own status, its body serialized here, once: for a handler
     * that returns an expected outcome (404, 409) instead of throwing it, so that the answer skips
     * Spring MVC's exception resolution and its message converters, as a 200's bytes do. The same
     * status, headers and body as {@link #entity}.
     */
    public ResponseEntity<byte[]> answer(HttpServletRequest request, ErrorCode code, String message) {
        int status = code.status().value();
        return ResponseEntity.status(status).headers(headers(status, HttpHeaders.EMPTY))
                .body(json.writeValueAsBytes(ErrorResponse.of(code, status, message, TraceIds.of(request))));
    }

    /**
     * The error for a status that arrives without a message of the API's own (from the framework or
     * the servlet container): the generic code and message of that status, plus {@code headers}.
     */
    ResponseEntity<ErrorResponse> forStatus(HttpServletRequest request, int status, HttpHeaders headers) {
        return entity(request, ErrorCode.forStatus(status), status, StatusMessages.of(status), headers);
    }

    private ResponseEntity<ErrorResponse> entity(
            HttpServletRequest request, ErrorCode code, int status, String message, HttpHeaders headers) {
        return ResponseEntity.status(status).headers(headers(status, headers))
                .body(ErrorResponse.of(code, status, message, TraceIds.of(request)));
    }

    /** Every error's headers, plus {@code extra}. */
    private static HttpHeaders headers(int status, HttpHeaders extra) {
        HttpHeaders all = new HttpHeaders();
        all.addAll(extra);
        all.setContentType(MediaType.APPLICATION_JSON);
        all.setCacheControl(CacheControl.noCache());
        if (status == 503) {
            all.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return all;
    }

    /** Writes the error for {@code code} to a response that nothing has been written to yet. */
    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
            throws IOException {
        ResponseEntity<byte[]> entity = answer(request, code, message);
        response.setStatus(entity.getStatusCode().value());
        entity.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.getOutputStream().write(entity.getBody());
    }
}
