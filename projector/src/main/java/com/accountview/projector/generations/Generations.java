package com.accountview.projector.generations;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The generations of the read model and every change of their lives, each in one transaction:
 * a rebuild starts a {@code BUILDING} generation (at most one at a time, enforced by a unique
 * index), it is cancelled or it goes live, the old one is retired and later dropped. Several
 * projector instances may call these at once: the database decides. Stateless and thread-safe.
 */
@Component
public class Generations {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);

    private static final String ALL = """
            SELECT id, state, projection_version, created_at, live_since, indexed_at, requested_by
            FROM generation ORDER BY id
            """;

    private static final String START = """
            INSERT INTO generation (id, state, projection_version, requested_by)
            SELECT max(id) + 1, 'BUILDING', :version, :requestedBy FROM generation
            RETURNING id
            """;

    private static final String CANCEL = """
            UPDATE generation SET state = 'CANCELLED', ended_at = now()
            WHERE id = :id AND state = 'BUILDING'
            """;

    private static final String FORGET_OFFSETS = "DELETE FROM consumer_offset WHERE generation = :id";

    private static final String INDEXED = "UPDATE generation SET indexed_at = now() WHERE id = :id";
    private static final String STATE = "SELECT state FROM generation WHERE id = :id";

    /**
     * Holds a cancel of the generation back until the transaction ends, or finds it cancelled already.
     * NO KEY: every batch of the rebuild checks its offsets' foreign key against this row (FOR KEY
     * SHARE), which FOR UPDATE would make wait while the indexing waits for that batch: a deadlock.
     */
    private static final String LOCK_IF_BUILDING = """
            SELECT id FROM generation WHERE id = :id AND state = 'BUILDING' FOR NO KEY UPDATE
            """;

    private static final String RETIRED_BEFORE = """
            SELECT id FROM generation WHERE state = 'RETIRED' AND retired_at < now() - CAST(:retention AS interval)
            ORDER BY id
            """;

    private static final String DROPPED = """
            UPDATE generation SET state = 'DROPPED', ended_at = now() WHERE id = :id AND state = 'RETIRED'
            """;

    private static final String UNIQUE_VIOLATION = "23505";

    private static final long INDEX_LOCK = 7_311_002L;
    private static final long DROP_LOCK = 7_311_003L;

    private final Jdbi jdbi;

    public Generations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every generation, oldest first. */
    public List<Generation> all() {
        return jdbi.withHandle(handle -> handle.createQuery(ALL)
                .map((rs, ctx) -> new Generation(rs.getInt("id"), GenerationState.valueOf(rs.getString("state")),
                        rs.getInt("projection_version"), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("live_since")), instant(rs.getTimestamp("indexed_at")),
                        rs.getString("requested_by")))
                .list());
    }

    public Optional<Generation> live() {
        return all().stream().filter(Generation::isLive).findFirst();
    }

    public Optional<Generation> building() {
        return all().stream().filter(Generation::isBuilding).findFirst();
    }

    /**
     * Starts a rebuild: a new {@code BUILDING} generation with partitions of its own.
     *
     * @throws RebuildAlreadyRunningException if a generation is being built already
     */
    public Generation startBuilding(int projectionVersion, String requestedBy) {
        int id;
        try {
            id = jdbi.inTransaction(handle -> {
                int created = handle.createQuery(START).bind("version", projectionVersion)
                        .bind("requestedBy", requestedBy).mapTo(Integer.class).one();
                GenerationTables.create(handle, created);
                return created;
            });
        } catch (RuntimeException e) {
            // only one generation may be building (a unique index): another instance's request came first
            Optional<Generation> building = isUniqueViolation(e) ? building() : Optional.empty();
            if (building.isPresent()) {
                throw new RebuildAlreadyRunningException(building.get(), e);
            }
            throw e;
        }
        log.info("Rebuild started: generation {} (projection version {}), requested by {}", id, projectionVersion,
                requestedBy);
        return all().stream().filter(generation -> generation.id() == id).findFirst().orElseThrow();
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cancels the rebuild of a {@code BUILDING} generation: it is marked cancelled, its stored
     * offsets are deleted and its partitions dropped; the live generation is not touched.
     *
     * @return whether it was building (and is cancelled now)
     */
    public boolean cancel(int id) {
        boolean cancelled = jdbi.inTransaction(handle -> {
            // its batches in flight commit first; later ones find it cancelled, and insert no offsets again
            GenerationLock.beforeEnding(handle, id);
            boolean changed = handle.createUpdate(CANCEL).bind("id", id).execute() == 1;
            if (changed) {
                handle.createUpdate(FORGET_OFFSETS).bind("id", id).execute();
            }
            return changed;
        });
        if (cancelled) {
            // a batch of the cancelled generation still in flight holds its tables: dropping waits for it
            boolean dropped = jdbi.withHandle(handle -> underDropLock(handle, () -> GenerationTables.drop(handle, id)));
            log.info("Rebuild of generation {} cancelled; its partitions are {}", id,
                    dropped ? "dropped" : "dropped by the next check (the drop lock is held: a check is dropping partitions)");
        }
        return cancelled;
    }

    /**
     * Builds the generation's secondary indexes and attaches its partitions, once it has caught up;
     * unless it was cancelled meanwhile. The generation's row is locked while it works, so that a
     * cancel either comes first (then nothing is attached) or waits until the partitions are
     * attached and then detaches them concurrently: a cancel that attached partitions could only be
     * dropped by locking their parent, which the live generation's queries hold (a deadlock).
     *
     * @return whether it was still building, and is indexed and attached now
     */
    public boolean indexAndAttach(int id) {
        boolean attached = jdbi.inTransaction(handle -> {
            // one instance at a time: two would build the same indexes side by side
            handle.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:lock)").bind("lock", INDEX_LOCK).mapTo(Integer.class).one();
            if (handle.createQuery(LOCK_IF_BUILDING).bind("id", id).mapTo(Integer.class).findOne().isEmpty()) {
                return false;
            }
            GenerationTables.indexAndAttach(handle, id);
            handle.createUpdate(INDEXED).bind("id", id).execute();
            return true;
        });
        if (attached) {
            log.info("Generation {} indexed and attached; it can go live", id);
        } else {
            // LIVE when another instance indexed it and switched to it first; CANCELLED after a cancel
            String state = jdbi.withHandle(handle -> handle.createQuery(STATE).bind("id", id).mapTo(String.class)
                    .findOne().orElse("gone"));
            log.info("Generation {} is no longer being built ({}): not indexed, not attached here", id, state);
        }
        return attached;
    }

    /** Drops the partitions of generations retired longer ago than the retention; returns their ids. */
    public List<Integer> dropRetired(Duration retention) {
        return jdbi.withHandle(handle -> {
            List<Integer> expired = new ArrayList<>();
            underDropLock(handle, () -> {
                expired.addAll(handle.createQuery(RETIRED_BEFORE)
                        .bind("retention", retention.toMillis() + " milliseconds").mapTo(Integer.class).list());
                for (int id : expired) {
                    GenerationTables.drop(handle, id);
                    handle.useTransaction(inner -> {
                        inner.createUpdate(FORGET_OFFSETS).bind("id", id).execute();
                        inner.createUpdate(DROPPED).bind("id", id).execute();
                    });
                    log.info("Retired generation {} dropped", id);
                }
                // a cancel whose drop failed (a lost connection, a stop) leaves its partitions to this
                for (int id : GenerationTables.withPartitions(handle, "CANCELLED")) {
                    GenerationTables.drop(handle, id);
                    log.info("Partitions of cancelled generation {} dropped", id);
                }
            });
            return expired;
        });
    }

    /**
     * Runs the drop on a session lock, one instance at a time (detaching concurrently cannot run in a
     * transaction); returns false, running nothing, while another instance holds it.
     */
    private static boolean underDropLock(Handle handle, Runnable drop) {
        if (!handle.createQuery("SELECT pg_try_advisory_lock(:lock)").bind("lock", DROP_LOCK).mapTo(Boolean.class).one()) {
            return false;
        }
        try {
            drop.run();
            return true;
        } finally {
            handle.createQuery("SELECT pg_advisory_unlock(:lock)").bind("lock", DROP_LOCK).mapTo(Boolean.class).one();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
