package com.accountview.query.errors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns every exception that leaves a handler into an {@link ErrorResponse}: the API's own
 * {@link ApiException}s, Spring MVC's exceptions that carry a status (unknown path, wrong method,
 * ...), and anything unexpected as a logged 500. A client that hung up before its answer was
 * written gets nothing: there is no one left to answer (logged at DEBUG under
 * {@value #DISCONNECTED_CLIENT_LOG}).
 */
@RestControllerAdvice
class ApiExceptionHandler {

    static final String DISCONNECTED_CLIENT_LOG = "com.accountview.query.errors.DisconnectedClient";

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponses errors;
    private final DisconnectedClientHelper disconnectedClients = new DisconnectedClientHelper(DISCONNECTED_CLIENT_LOG);

    ApiExceptionHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorResponse> api(ApiException failure, HttpServletRequest request) {
        if (failure.code().status().is5xxServerError()) {
            // the cause in one line, as text: passed as a Throwable, SLF4J would print its whole stack
            // trace instead, once per request during an outage
            log.warn("{} {} answered {} (trace_id={}): {}", request.getMethod(), request.getRequestURI(),
                    failure.code(), TraceIds.of(request),
                    failure.getCause() == null ? failure.getMessage() : failure.getCause().toString());
        }
        return errors.entity(request, failure.code(), failure.getMessage());
    }

    /**
     * Spring MVC's own exceptions carry their status (404 unknown path, 405, 400 ...); a client gone
     * away gets nothing ({@code null}: the request counts as handled); anything else is a 500.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponse> other(Exception failure, HttpServletRequest request) {
        // a reset while the body was written is the client's doing, not ours: an ERROR with a stack
        // trace, then a failed write of a 500 to the closed connection, would page someone for nothing
        if (disconnectedClients.checkAndLogClientDisconnectedException(failure)) {
            return null;
        }
        if (failure instanceof org.springframework.web.ErrorResponse framework
                && framework.getStatusCode().is4xxClientError()) {
            return errors.forStatus(request, framework.getStatusCode().value(), framework.getHeaders());
        }
        String traceId = TraceIds.of(request);
        log.error("Unexpected failure of {} {} (trace_id={})", request.getMethod(), request.getRequestURI(),
                traceId, failure);
        return errors.forStatus(request, HttpStatus.INTERNAL_SERVER_ERROR.value(), new HttpHeaders());
    }
}
