package com.accountview.tools.publish;

/**
 * Publishing could not be done or finished: the events file could not be read, Kafka could not be
 * reached or refused a record. The message is the one line the command prints after {@code error: }.
 */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message) {
        super(message);
    }

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
