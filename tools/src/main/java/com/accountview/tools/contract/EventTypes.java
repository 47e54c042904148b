package com.accountview.tools.contract;

import java.util.List;

/** The event types of contract v1 (docs/events.md). */
public final class EventTypes {

    public static final String ACCOUNT_CREATED = "customers.account.created";
    public static final String ACCOUNT_UPDATED = "customers.account.updated";
    public static final String ACCOUNT_DELETED = "customers.account.deleted";
    public static final String CONTRACT_CREATED = "customers.contract.created";
    public static final String CONTRACT_UPDATED = "customers.contract.updated";
    public static final String CONTRACT_DELETED = "customers.contract.deleted";

    public static final List<String> ALL = List.of(ACCOUNT_CREATED, ACCOUNT_UPDATED, ACCOUNT_DELETED,
            CONTRACT_CREATED, CONTRACT_UPDATED, CONTRACT_DELETED);

    private EventTypes() {
    }

    public static boolean isDelete(String type) {
        return type.endsWith(".deleted");
    }
}
