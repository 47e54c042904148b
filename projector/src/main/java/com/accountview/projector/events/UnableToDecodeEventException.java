package com.accountview.projector.events;

/**
 * A record that is not a valid event of the contract: not JSON, a missing or invalid attribute, a
 * wrong data shape, or ids that disagree. Such a record is dead-lettered, never retried.
 */
public class UnableToDecodeEventException extends RuntimeException {

    public UnableToDecodeEventException(String message) {
        super(message);
    }

    public UnableToDecodeEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
