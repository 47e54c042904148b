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

    /** An event of the account topic: the entity it versions is an account. */
    sealed interface AccountEvent extends Versioned {
        @Override
        default EntityKind kind() {
            return EntityKind.ACCOUNT;
        }
    }

    /** An event of the contract topic: the entity it versions is a contract. */
    sealed interface ContractEvent extends Versioned {
        @Override
        default EntityKind kind() {
            return EntityKind.CONTRACT;
        }
    }

    record AccountCreated(EventMetadata metadata, AccountSnapshot account) implements AccountEvent {
    }

    record AccountUpdated(EventMetadata metadata, AccountSnapshot account) implements AccountEvent {
    }

    record AccountDeleted(EventMetadata metadata) implements AccountEvent {
    }

    record ContractCreated(EventMetadata metadata, ContractSnapshot contract) implements ContractEvent {
    }

    record ContractUpdated(EventMetadata metadata, ContractSnapshot contract) implements ContractEvent {
    }

    record ContractDeleted(EventMetadata metadata) implements ContractEvent {
    }

    /** A valid envelope whose type this version does not know: skipped and counted, never applied. */
    record UnknownTypeReceived(EntityKind kind, EventMetadata metadata) implements Versioned {
    }

    /** A Kafka tombstone: deletes the entity named by the key, leaving its stored version as it was. */
    record EntityTombstoned(EntityKind kind, UUID entityId) implements EntityEvent {
    }
}
