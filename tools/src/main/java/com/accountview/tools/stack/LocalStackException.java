package com.accountview.tools.stack;

/** A command on the local stack ({@code run}, {@code bench}) cannot go on; the message tells the user what to do. */
public final class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
