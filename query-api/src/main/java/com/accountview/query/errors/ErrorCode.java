package com.accountview.query.errors;

import org.springframework.http.HttpStatus;

/**
 * The {@code code} of an {@link ErrorResponse}, each with the HTTP status it is answered with.
 *
 * <p>Statuses that the API does not produce on purpose but the web server or framework may (for
 * example 413 or 431 for oversized requests) are reported with the generic code of their class:
 * {@link #INVALID_REQUEST} for 4xx, {@link #INTERNAL_ERROR} for 5xx, and their real status.
 */
public enum ErrorCode {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    ACCOUNT_NOT_FOUND(HttpStatus.NOT_FOUND),
    NO_ACTIVE_CONTRACT(HttpStatus.NOT_FOUND),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    EXTERNAL_ID_CONFLICT(HttpStatus.CONFLICT),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    REPOSITORY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The code for a status that arrives without one, e.g. from the framework or the web server. */
    static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409 -> EXTERNAL_ID_CONFLICT;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> REPOSITORY_TIMEOUT;
            default -> status >= 400 && status < 500 ? INVALID_REQUEST : INTERNAL_ERROR;
        };
    }
}
