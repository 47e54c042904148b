package com.accountview.testinfra.events;

import java.time.Instant;

import com.accountview.contract.EntityKind;
import com.accountview.contract.EventType;

/**
 * What every event builder can set: the CloudEvents envelope, the record key and headers, and raw
 * data fields for malformed-event tests. Immutable: every method returns a new builder, so one
 * builder can serve as the template of many events. Thread-safe.
 *
 * @param <B> the concrete builder type
 */
public abstract sealed class EntityEventBuilder<B extends EntityEventBuilder<B>>
        permits AccountEventBuilder, ContractEventBuilder {

    private final EventDraft draft;
    private final EntityKind kind;

    EntityEventBuilder(EventDraft draft, EntityKind kind) {
        this.draft = draft;
        this.kind = kind;
    }

    abstract B with(EventDraft changed);

    /** Organization ({@code orgid}); default {@code telco}. */
    public B org(String orgId) {
        return attribute("orgid", orgId);
    }

    /** The entity version ({@code sequence}); default 1. */
    public B sequence(long sequence) {
        return attribute("sequence", Long.toString(sequence));
    }

    /** The {@code sequence} attribute as literal text, e.g. {@code "007"} or {@code "7a"}. */
    public B sequence(String sequence) {
        return attribute("sequence", sequence);
    }

    /** The CloudEvents {@code id}; default a random UUID per built event. */
    public B eventId(String id) {
        return attribute("id", id);
    }

    /** The CloudEvents {@code source}; default {@code /crm}. */
    public B source(String source) {
        return attribute("source", source);
    }

    /** The CloudEvents {@code time}; default the instant the event is built (also the default {@code updated_at}). */
    public B time(Instant time) {
        return attribute("time", time.toString());
    }

    /** Overrides only the {@code subject} attribute (default: the entity id). */
    public B subject(String subject) {
        return attribute("subject", subject);
    }

    /** Overrides only the record key (default: the entity id); null for a record without key. */
    public B key(String key) {
        return with(draft.withKey(key));
    }

    /** Sets any attribute, extensions included, to a JSON value (text, number, boolean or null). */
    public B attribute(String name, Object value) {
        return with(draft.withAttribute(name, value));
    }

    /** Leaves an attribute out entirely. */
    public B withoutAttribute(String name) {
        return with(draft.withoutAttribute(name));
    }

    /** Sets any member of {@code data} to a JSON value (text, number, boolean, null, map or list). */
    public B dataField(String name, Object value) {
        return with(draft.withDataField(name, value));
    }

    /** Leaves a member of {@code data} out entirely. */
    public B withoutDataField(String name) {
        return with(draft.withoutDataField(name));
    }

    /** Adds a record header, sent in every mode. */
    public B header(String name, String value) {
        return with(draft.withHeader(name, value));
    }

    /** A {@code customers.<entity>.created} event carrying the full state. */
    public TestEvent created() {
        return ofType(EventType.of(kind, "created").typeName());
    }

    /** A {@code customers.<entity>.updated} event carrying the full state. */
    public TestEvent updated() {
        return ofType(EventType.of(kind, "updated").typeName());
    }

    /** A {@code customers.<entity>.deleted} event whose data holds only the id. */
    public TestEvent deleted() {
        return draft.build(EventType.of(kind, "deleted").typeName(), true);
    }

    /** An event of any type (e.g. one the projector does not know) carrying the full state. */
    public TestEvent ofType(String type) {
        return draft.build(type, false);
    }
}
