package com.accountview.query.errors;

/**
 * A request that ends in an {@link ErrorResponse} with the given code, status and message. The
 * message is shown to the caller as it is, so it must not contain internals.
 *
 * <p>One with a 4xx code is an expected answer, nothing to debug, so it records no stack trace:
 * filling one in was a measurable part of every 404's CPU. (The lookups' own expected outcomes,
 * 404 and 409, are returned rather than thrown: docs/api.md, "Errors".) One with a 5xx code keeps
 * its stack trace and cause.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ApiException(ErrorCode code, String message, Throwable cause) {
        super(message, cause, true, !code.status().is4xxClientError());
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
