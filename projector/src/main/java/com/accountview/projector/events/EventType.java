package com.accountview.projector.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event types of contract v1, each with the entity it belongs to and the shape of its data. */
enum EventType {
    ACCOUNT_CREATED("customers.account.created", EntityKind.ACCOUNT, false),
    ACCOUNT_UPDATED("customers.account.updated", EntityKind.ACCOUNT, false),
    ACCOUNT_DELETED("customers.account.deleted", EntityKind.ACCOUNT, true),
    CONTRACT_CREATED("customers.contract.created", EntityKind.CONTRACT, false),
    CONTRACT_UPDATED("customers.contract.updated", EntityKind.CONTRACT, false),
    CONTRACT_DELETED("customers.contract.deleted", EntityKind.CONTRACT, true);

    /** Every type of this contract starts with it; other types are not ours at all. */
    static final String NAMESPACE = "customers.";

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

    private final String typeName;
    private final EntityKind kind;
    private final boolean idOnly;

    EventType(String typeName, EntityKind kind, boolean idOnly) {
        this.typeName = typeName;
        this.kind = kind;
        this.idOnly = idOnly;
    }

    static Optional<EventType> named(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    /** The CloudEvents {@code type}, also the base name of the JSON Schema of its data. */
    String typeName() {
        return typeName;
    }

    EntityKind kind() {
        return kind;
    }

    /** A delete: its data needs only the entity id. */
    boolean idOnly() {
        return idOnly;
    }

    /** The data member that carries the entity id. */
    String idField() {
        return kind == EntityKind.ACCOUNT ? "account_id" : "contract_id";
    }
}
