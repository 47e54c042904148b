package com.accountview.projector.events;

/** The two kinds of entity AccountView projects; each has a topic of its own. */
public enum EntityKind {
    ACCOUNT,
    CONTRACT
}
