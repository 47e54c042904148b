package com.accountview.query.errors;

/**
 * A request that ends in an {@link ErrorResponse} with the given code, status and message. The
 * message is shown to the caller as it is, so it must not contain internals.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ApiException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
