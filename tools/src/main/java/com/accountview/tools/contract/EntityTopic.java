package com.accountview.tools.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * The two logical topics of the event contract, independent of the configured topic names. An
 * event's type names its topic: {@code customers.account.*} goes to the account topic,
 * {@code customers.contract.*} to the contract topic.
 */
public enum EntityTopic {
    ACCOUNTS("accounts", "customers.account.", "account_id"),
    CONTRACTS("contracts", "customers.contract.", "contract_id");

    private final String logicalName;
    private final String typePrefix;
    private final String idMember;

    EntityTopic(String logicalName, String typePrefix, String idMember) {
        this.logicalName = logicalName;
        this.typePrefix = typePrefix;
        this.idMember = idMember;
    }

    /** {@code accounts} or {@code contracts}: the name a tombstone line uses. */
    public String logicalName() {
        return logicalName;
    }

    /** The member of {@code data} that carries the entity id: {@code account_id} or {@code contract_id}. */
    public String idMember() {
        return idMember;
    }

    /** The type of this topic's events for an action: {@code created}, {@code updated} or {@code deleted}. */
    public String type(String action) {
        return typePrefix + action;
    }

    /** The topic an event type belongs to, known or not, by its prefix. */
    public static Optional<EntityTopic> ofType(String type) {
        for (EntityTopic topic : values()) {
            if (type.startsWith(topic.typePrefix)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }

    public static Optional<EntityTopic> ofLogicalName(String name) {
        for (EntityTopic topic : values()) {
            if (topic.logicalName.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
