package com.accountview.projector.properties;

import java.math.BigInteger;
import java.util.UUID;

/**
 * One entity as the read model holds it, or must hold it: its version, whether it is deleted and,
 * when live, its state. A deleted row keeps its version and none of the state (docs/projector.md),
 * so a deleted entity has no state here, unless a stored row kept some.
 */
public record StoredEntity(UUID id, String org, BigInteger version, boolean deleted, EntityState state) {

    public static StoredEntity live(UUID id, String org, BigInteger version, EntityState state) {
        return new StoredEntity(id, org, version, false, state);
    }

    public static StoredEntity deleted(UUID id, String org, BigInteger version) {
        return new StoredEntity(id, org, version, true, null);
    }
}
