package com.accountview.query.accounts;

/**
 * An {@code org_id} or {@code account_external_id} that is not well formed; the message says which
 * and why. An expected answer (400), so it records no stack trace.
 */
class MalformedIdException extends RuntimeException {

    MalformedIdException(String message) {
        super(message, null, false, false);
    }
}
