package com.accountview.projector.projection;

import java.math.BigInteger;
import java.util.UUID;

import com.accountview.projector.events.EntityEvent;

/**
 * The final state of one entity after a batch, to be written.
 *
 * @param entityId the account or contract id
 * @param version the version to store
 * @param deleted whether the entity ends up deleted
 * @param source the event whose state wins: its data (unless deleted) and metadata are stored
 */
record EntityWrite(UUID entityId, BigInteger version, boolean deleted, EntityEvent.Versioned source) {
}
