package com.accountview.projector.rebuild;

import com.accountview.projector.generations.Generation;

/**
 * A rebuild was asked of a projector whose projection version is older than the live generation's:
 * it would replace the newer read model with one the newer code no longer writes.
 */
public final class OlderProjectionVersionException extends RuntimeException {

    public OlderProjectionVersionException(int ownVersion, Generation live) {
        super("This projector's projection version " + ownVersion + " is older than version "
                + live.projectionVersion() + " of live generation " + live.id()
                + ": a rebuild here would replace the newer read model. Rebuild from a projector of version "
                + live.projectionVersion() + " or newer.");
    }
}
