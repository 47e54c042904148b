package com.accountview.query.errors;

import org.springframework.http.HttpStatus;

/** Human-readable messages for statuses that reach the caller without one of the API's own. */
final class StatusMessages {

    private StatusMessages() {
    }

    static String of(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "Authentication is required.";
            case 403 -> "Access to this resource is forbidden.";
            case 404 -> "No such resource.";
            case 405 -> "Only GET and HEAD are supported.";
            case 500 -> "An unexpected error occurred; quote the trace_id when reporting it.";
            case 503 -> "The service is temporarily unavailable; retry later.";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "The request failed with status " + status + "." : known.getReasonPhrase() + ".";
            }
        };
    }
}
