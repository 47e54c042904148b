package com.accountview.projector.offsets;

/**
 * A batch for a generation that is no longer live or being built (it was retired by a switch, or
 * its rebuild was cancelled): nothing of it is written, and its consumption is to stop.
 */
public class GenerationEndedException extends RuntimeException {

    private final int generation;

    public GenerationEndedException(int generation) {
        super("Generation " + generation + " is neither live nor being built any more");
        this.generation = generation;
    }

    public int generation() {
        return generation;
    }
}
