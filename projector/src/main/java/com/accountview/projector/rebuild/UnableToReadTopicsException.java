package com.accountview.projector.rebuild;

/** The broker did not say where the consumed topics begin; a rebuild cannot be checked, so it is not started. */
public final class UnableToReadTopicsException extends RuntimeException {

    UnableToReadTopicsException(Throwable cause) {
        super("The broker did not say where the topics begin (" + cause + "); no rebuild was started. Ask again"
                + " once it answers.", cause);
    }
}
