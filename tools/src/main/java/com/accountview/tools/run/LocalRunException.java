package com.accountview.tools.run;

/** The local run cannot go on; the message tells the user what to do. */
final class LocalRunException extends RuntimeException {

    LocalRunException(String message) {
        super(message);
    }

    LocalRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
