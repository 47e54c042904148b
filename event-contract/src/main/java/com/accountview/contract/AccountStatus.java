package com.accountview.contract;

/** The statuses an account can have (event contract v1). */
public enum AccountStatus {
    ACTIVE,
    SUSPENDED,
    CLOSED
}
