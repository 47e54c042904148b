package com.accountview.projector.events;

import java.util.UUID;

import com.accountview.contract.EntityKind;

/**
 * One decoded, valid Kafka record of the account or contract topic. Immutable.
 *
 * <p>Created and updated events carry the entity's full state; deleted events only its id; a
 * Kafka tombstone (null value) carries nothing but its key; an event of a type this version does
 * not know carries valid attributes and nothing the projector may apply.
 */
public sealed interface EntityEvent {

    EntityKind kind();

    UUID entityId();

    /** A versioned CloudEvent; everything but {@link EntityTombstoned}. */
    sealed interface Versioned extends EntityEvent {
        EventMetadata metadata();

        @Override
        default UUID entityId() {
            return metadata().subject();
        }
    }

    record AccountCreated(EventMetadata metadata, AccountSnapshot account) implements Versioned {
        @Override
        public EntityKind kind() {
            return EntityKind.ACCOUNT;
        }
    }

    record AccountUpdated(EventMetadata metadata, AccountSnapshot account) implements Versioned {
        @Override
        public EntityKind kind() {
            return EntityKind.ACCOUNT;
        }
    }

    record AccountDeleted(EventMetadata metadata) implements Versioned {
        @Override
        public EntityKind kind() {
            return EntityKind.ACCOUNT;
        }
    }

    record ContractCreated(EventMetadata metadata, ContractSnapshot contract) implements Versioned {
        @Override
        public EntityKind kind() {
            return EntityKind.CONTRACT;
        }
    }

    record ContractUpdated(EventMetadata metadata, ContractSnapshot contract) implements Versioned {
        @Override
        public EntityKind kind() {
            return EntityKind.CONTRACT;
        }
    }

    record ContractDeleted(EventMetadata metadata) implements Versioned {
        @Override
        public EntityKind kind() {
            return EntityKind.CONTRACT;
        }
    }

    /** A valid envelope whose type this version does not know: skipped and counted, never applied. */
    record UnknownTypeReceived(EntityKind kind, EventMetadata metadata) implements Versioned {
    }

    /** A Kafka tombstone: deletes the entity named by the key, leaving its stored version as it was. */
    record EntityTombstoned(EntityKind kind, UUID entityId) implements EntityEvent {
    }
}
