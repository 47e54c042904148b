package com.accountview.contract;

/** How the contract names its topics by default, and the dead-letter topic of each. */
public final class Topics {

    /** The account topic's name unless configured otherwise; a constant for annotations. */
    public static final String ACCOUNTS = "customers.accounts.v1";
    /** The contract topic's name unless configured otherwise; a constant for annotations. */
    public static final String CONTRACTS = "customers.contracts.v1";

    /** Records that cannot be applied go to the topic of the same name with this suffix. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    /** {@code customers.accounts.v1} gives {@code customers.accounts.v1.DLT}. */
    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
