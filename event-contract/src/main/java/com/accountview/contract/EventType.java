package com.accountview.contract;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event types of contract v1, each with the entity it belongs to and the shape of its data. */
public enum EventType {
    ACCOUNT_CREATED(EntityKind.ACCOUNT, "created"),
    ACCOUNT_UPDATED(EntityKind.ACCOUNT, "updated"),
    ACCOUNT_DELETED(EntityKind.ACCOUNT, "deleted"),
    CONTRACT_CREATED(EntityKind.CONTRACT, "created"),
    CONTRACT_UPDATED(EntityKind.CONTRACT, "updated"),
    CONTRACT_DELETED(EntityKind.CONTRACT, "deleted");

    /** Every type of this contract starts with it; other types are not ours at all. */
    public static final String NAMESPACE = "customers.";

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

    private final EntityKind kind;
    private final String action;

    EventType(EntityKind kind, String action) {
        this.kind = kind;
        this.action = action;
    }

    public static Optional<EventType> named(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    /** The CloudEvents {@code type}, e.g. {@code customers.account.updated}; also the base name of its data's JSON Schema. */
    public String typeName() {
        return kind.type(action);
    }

    public EntityKind kind() {
        return kind;
    }

    /** A delete: its data needs only the entity id. */
    public boolean isDelete() {
        return action.equals("deleted");
    }

    /** The data member that carries the entity id. */
    public String idMember() {
        return kind.idMember();
    }

    /** The type of the entity's events for the action, e.g. {@code (CONTRACT, "deleted")}. */
    public static EventType of(EntityKind kind, String action) {
        return named(kind.type(action)).orElseThrow(() -> new IllegalArgumentException("no action " + action));
    }
}
