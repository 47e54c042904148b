package com.accountview.projector.generations;

/** A rebuild was requested while another one is building its generation: one at a time. */
public class RebuildAlreadyRunningException extends RuntimeException {

    private final Generation building;

    public RebuildAlreadyRunningException(Generation building, Throwable cause) {
        super("A rebuild is running already: generation " + building.id() + " (projection version "
                + building.projectionVersion() + "), started " + building.createdAt() + " by "
                + building.requestedBy() + ". Wait for it to go live, or cancel it first.", cause);
        this.building = building;
    }

    public Generation building() {
        return building;
    }
}
