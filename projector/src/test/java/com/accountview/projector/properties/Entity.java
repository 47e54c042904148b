package com.accountview.projector.properties;

import java.util.UUID;

import com.accountview.contract.EntityKind;

/** An account or contract of a generated history: its kind, id (the Kafka key) and organization. */
public record Entity(EntityKind kind, UUID id, String org) {

    /** Short form for scenario reports, e.g. {@code account 1a2b3c4d@org-x}. */
    public String label() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id.toString().substring(0, 8) + "@" + org;
    }
}
