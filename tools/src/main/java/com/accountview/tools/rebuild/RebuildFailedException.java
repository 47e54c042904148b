package com.accountview.tools.rebuild;

/** The projector refused a rebuild request, answered an error, or the rebuild ended without going live. */
public final class RebuildFailedException extends Exception {

    private final int status;

    RebuildFailedException(String message) {
        this(message, 0);
    }

    /** @param status the projector's HTTP status that refused the request */
    RebuildFailedException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The projector's HTTP status, when an answer of its failed the request; else 0. */
    int status() {
        return status;
    }
}
