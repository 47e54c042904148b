package com.accountview.projector.generations;

import org.jdbi.v3.core.Handle;

/**
 * A lock per generation, held to the end of the transaction (a PostgreSQL advisory lock): every
 * batch that writes a generation holds it shared, and whatever ends a generation (the switch that
 * retires the live one, a cancel) holds it exclusively before it changes the state. So a batch
 * either commits before the generation ends, or takes the lock after, and then every statement it
 * runs sees the generation ended. Row locks of the stored offsets cannot give that: a batch that
 * stores a partition's first offset inserts a row that no one else holds. Stateless.
 */
public final class GenerationLock {

    /**
     * The first key of the two-key form, whose key space is apart from the one-key locks' (the
     * switch's, the indexing's, the drop's); the second key is the generation's id.
     */
    private static final int KEY_SPACE = 7_311;

    private static final String WHILE_FEEDING = "SELECT 1 FROM pg_advisory_xact_lock_shared(:space, :generation)";
    private static final String BEFORE_ENDING = "SELECT 1 FROM pg_advisory_xact_lock(:space, :generation)";

    private GenerationLock() {
    }

    /** Waits, if the generation is being ended, until that transaction is over; call first in a batch's. */
    public static void whileFeeding(Handle handle, int generation) {
        hold(handle, WHILE_FEEDING, generation);
    }

    /** Waits until the generation's batches in flight are over, and holds back new ones until this transaction ends. */
    static void beforeEnding(Handle handle, int generation) {
        hold(handle, BEFORE_ENDING, generation);
    }

    private static void hold(Handle handle, String sql, int generation) {
        handle.createQuery(sql).bind("space", KEY_SPACE).bind("generation", generation).mapTo(Integer.class).one();
    }
}
