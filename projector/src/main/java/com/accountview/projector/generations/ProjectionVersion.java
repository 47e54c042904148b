package com.accountview.projector.generations;

/**
 * The version of the projection logic in this code: how events become rows. Bump it whenever that
 * changes in a way the existing read model does not reflect (a new column filled from events, a
 * rule applied differently): a projector whose version is newer than the live generation's starts
 * a rebuild by itself and keeps serving the old generation until the new one has caught up (see
 * docs/projector.md).
 */
public final class ProjectionVersion {

    /** The version of this code's projection. */
    public static final int CURRENT = 1;

    private ProjectionVersion() {
    }
}
