package com.accountview.projector.generations;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes a rebuilt generation live, in one transaction that never goes back in time: it takes the
 * live generation's {@link GenerationLock} (the live projection waits meanwhile), waits a bounded time
 * until the new generation has applied, in every topic partition, at least as far as the live
 * one, and only then retires the live generation and makes the new one live. A reader sees one or
 * the other (the {@code live_*} views resolve the live generation in the query's own snapshot),
 * never a mix. Thread-safe; several instances may try at once: one wins, the others find nothing
 * left to switch.
 */
@Component
public class GenerationSwitch {

    private static final Logger log = LoggerFactory.getLogger(GenerationSwitch.class);

    /** Serializes switchers of all instances; the number is arbitrary but fixed. */
    private static final long SWITCH_LOCK = 7_311_001L;

    // the generation lock holds the batches back; locking these rows also holds back a rewind
    // (PositionsOutOfRange), which takes no generation lock
    private static final String LOCK_LIVE_OFFSETS = """
            SELECT topic, partition, next_offset FROM consumer_offset
            WHERE generation = :live ORDER BY topic, partition FOR UPDATE
            """;

    /** Partitions where the new generation is behind the live one (or has not started). */
    private static final String BEHIND = """
            SELECT count(*) FROM consumer_offset live
            LEFT JOIN consumer_offset rebuilt
                   ON rebuilt.generation = :rebuilt AND rebuilt.topic = live.topic AND rebuilt.partition = live.partition
            WHERE live.generation = :live AND coalesce(rebuilt.next_offset, 0) < live.next_offset
            """;

    // NO KEY, as in Generations: the batches' foreign-key checks of these rows need not wait for the switch
    private static final String STATES = """
            SELECT id, state FROM generation WHERE id IN (:live, :rebuilt) ORDER BY id FOR NO KEY UPDATE
            """;

    private static final String RETIRE = """
            UPDATE generation SET state = 'RETIRED', retired_at = now() WHERE id = :live AND state = 'LIVE'
            """;

    private static final String GO_LIVE = """
            UPDATE generation SET state = 'LIVE', live_since = now() WHERE id = :rebuilt AND state = 'BUILDING'
            """;

    private static final long POLL_MILLIS = 50;

    private final Jdbi jdbi;

    public GenerationSwitch(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What became of an attempt. */
    public enum Outcome {
        /** The rebuilt generation is live now. */
        SWITCHED,
        /** It was still behind the live one when the wait ran out; nothing changed. */
        BEHIND,
        /** Another instance is switching, or the generations changed meanwhile; nothing changed. */
        NOT_NOW
    }

    /**
     * Tries the switch from {@code live} to {@code rebuilt}.
     *
     * @param wait how long to hold the live generation waiting for the rebuilt generation to catch up
     */
    public Outcome trySwitch(int live, int rebuilt, Duration wait) throws InterruptedException {
        return jdbi.inTransaction(handle -> {
            if (!handle.createQuery("SELECT pg_try_advisory_xact_lock(:lock)").bind("lock", SWITCH_LOCK)
                    .mapTo(Boolean.class).one()) {
                return Outcome.NOT_NOW;
            }
            // before its offsets are read: a batch in flight may be storing a partition's first one, a row not there yet
            GenerationLock.beforeEnding(handle, live);
            handle.createQuery(LOCK_LIVE_OFFSETS).bind("live", live).mapToMap().list();
            long deadline = System.nanoTime() + wait.toNanos();
            long behind;
            while ((behind = behind(handle, live, rebuilt)) > 0 && System.nanoTime() < deadline) {
                // the rebuilt generation's own offsets are not locked: its projection goes on meanwhile
                Thread.sleep(POLL_MILLIS);
            }
            if (behind > 0) {
                log.debug("Generation {} still behind generation {} in {} partitions", rebuilt, live, behind);
                return Outcome.BEHIND;
            }
            Map<Integer, String> states = new HashMap<>();
            handle.createQuery(STATES).bind("live", live).bind("rebuilt", rebuilt)
                    .map((rs, ctx) -> Map.entry(rs.getInt("id"), rs.getString("state")))
                    .forEach(entry -> states.put(entry.getKey(), entry.getValue()));
            if (!"LIVE".equals(states.get(live)) || !"BUILDING".equals(states.get(rebuilt))) {
                return Outcome.NOT_NOW;
            }
            handle.createUpdate(RETIRE).bind("live", live).execute();
            handle.createUpdate(GO_LIVE).bind("rebuilt", rebuilt).execute();
            log.info("Generation {} is live; generation {} is retired", rebuilt, live);
            return Outcome.SWITCHED;
        });
    }

    private static long behind(Handle handle, int live, int rebuilt) {
        return handle.createQuery(BEHIND).bind("live", live).bind("rebuilt", rebuilt).mapTo(Long.class).one();
    }
}
