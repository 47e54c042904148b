package com.accountview.query.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on an error that no servlet answered, for example a request that Tomcat
 * rejects before Spring sees it, or any error of the management server (which has no error page):
 * writes an {@link ErrorResponse} instead of Tomcat's HTML report. Thread-safe.
 */
class JsonErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    JsonErrorReportValve(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (status == HttpServletResponse.SC_NOT_IMPLEMENTED && !AllowedMethods.allows(request.getMethod())) {
            // Tomcat answers CONNECT (and a body in a transfer coding it lacks) 501 before any filter
            // runs; for a method the API does not answer the API's own answer is 405
            status = HttpServletResponse.SC_METHOD_NOT_ALLOWED;
            response.setStatus(status);
        }
        if (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
            // Tomcat lists every method a servlet could have (on TRACE); the service answers two
            response.setHeader(HttpHeaders.ALLOW, AllowedMethods.ALLOW);
        }
        ErrorResponse body = ErrorResponse.of(ErrorCode.forStatus(status), status, StatusMessages.of(status),
                TraceIds.of(request));
        try {
            response.resetBuffer();
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-cache");
            response.getOutputStream().write(json.writeValueAsBytes(body));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response cannot take a body: nothing more to tell anyone
        }
    }
}
