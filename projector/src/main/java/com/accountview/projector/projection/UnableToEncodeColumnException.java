package com.accountview.projector.projection;

import java.sql.SQLException;

/** The driver could not make a column's array for a batch's upsert; the cause says why (a closed connection, usually). */
class UnableToEncodeColumnException extends RuntimeException {

    UnableToEncodeColumnException(String column, SQLException cause) {
        super("Unable to encode the values of column " + column + " for the upsert: " + cause.getMessage(), cause);
    }
}
