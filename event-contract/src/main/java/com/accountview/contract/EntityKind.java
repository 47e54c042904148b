package com.accountview.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * The two kinds of entity of the contract. Each has a topic of its own, keyed by the entity id,
 * and a namespace of event types: {@code customers.account.*} on the account topic,
 * {@code customers.contract.*} on the contract topic.
 */
public enum EntityKind {
    ACCOUNT("accounts", "account_id", Topics.ACCOUNTS),
    CONTRACT("contracts", "contract_id", Topics.CONTRACTS);

    private final String topicName;
    private final String idMember;
    private final String defaultTopic;

    EntityKind(String topicName, String idMember, String defaultTopic) {
        this.topicName = topicName;
        this.idMember = idMember;
        this.defaultTopic = defaultTopic;
    }

    /** {@code accounts} or {@code contracts}: how people (and tombstone lines of events files) name its topic. */
    public String topicName() {
        return topicName;
    }

    /** The member of {@code data} that carries the entity id: {@code account_id} or {@code contract_id}. */
    public String idMember() {
        return idMember;
    }

    /** The topic's name unless configured otherwise, e.g. {@code customers.accounts.v1}. */
    public String defaultTopic() {
        return defaultTopic;
    }

    /** The prefix of this entity's event types, known or not, e.g. {@code customers.account.}. */
    public String typeNamespace() {
        return EventType.NAMESPACE + name().toLowerCase(Locale.ROOT) + ".";
    }

    /** The type of this entity's events for an action: {@code created}, {@code updated} or {@code deleted}. */
    public String type(String action) {
        return typeNamespace() + action;
    }

    /** The entity an event type belongs to, known or not, by its namespace. */
    public static Optional<EntityKind> ofType(String type) {
        for (EntityKind kind : values()) {
            if (type.startsWith(kind.typeNamespace())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind whose {@link #topicName()} this is, in any case. */
    public static Optional<EntityKind> ofTopicName(String name) {
        for (EntityKind kind : values()) {
            if (kind.topicName.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
