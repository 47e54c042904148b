package com.accountview.tools.publish;

/** Kafka refused or could not be reached for a record; what was sent before may have landed. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
