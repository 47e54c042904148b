package com.accountview.tools.stack;

/** The local run cannot go on; the message tells the user what to do. */
public final class LocalRunException extends RuntimeException {

    public LocalRunException(String message) {
        super(message);
    }

    public LocalRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
