package com.accountview.query.errors;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of every non-2xx response: {@code {"code", "status", "message", "trace_id"}}.
 * The message is written for humans and never carries a stack trace, class name or SQL.
 */
public record ErrorResponse(
        String code,
        int status,
        String message,
        @JsonProperty("trace_id") String traceId) {

    static ErrorResponse of(ErrorCode code, int status, String message, String traceId) {
        return new ErrorResponse(code.name(), status, message, traceId);
    }
}
