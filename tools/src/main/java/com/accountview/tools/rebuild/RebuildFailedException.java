package com.accountview.tools.rebuild;

/** The projector refused a rebuild request, answered an error, or the rebuild ended without going live. */
public final class RebuildFailedException extends Exception {

    RebuildFailedException(String message) {
        super(message);
    }
}
