package com.accountview.projector.events;

/**
 * A record that is not a valid event of the contract: not JSON, a missing or invalid attribute, a
 * wrong data shape, or ids that disagree. Such a record is dead-lettered, never retried.
 */
public class UnableToDecodeEventException extends RuntimeException {

    private final String eventId;

    public UnableToDecodeEventException(String message) {
        this(message, null, null);
    }

    public UnableToDecodeEventException(String message, Throwable cause) {
        this(message, null, cause);
    }

    private UnableToDecodeEventException(String message, String eventId, Throwable cause) {
        super(message, cause);
        this.eventId = eventId;
    }

    /** The record's CloudEvents id, when it had a valid one to read before the failure; otherwise null. */
    public String eventId() {
        return eventId;
    }

    /** The same failure, of the event with this id (null: none known). */
    UnableToDecodeEventException ofEvent(String id) {
        UnableToDecodeEventException named = new UnableToDecodeEventException(getMessage(), id, getCause());
        named.setStackTrace(getStackTrace());
        return named;
    }
}
