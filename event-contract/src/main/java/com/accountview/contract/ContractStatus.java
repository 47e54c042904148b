package com.accountview.contract;

/** The statuses a contract can have (event contract v1). */
public enum ContractStatus {
    PENDING,
    ACTIVE,
    SUSPENDED,
    TERMINATED,
    CANCELLED
}
