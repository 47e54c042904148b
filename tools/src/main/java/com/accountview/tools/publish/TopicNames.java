package com.accountview.tools.publish;

import com.accountview.contract.EntityKind;
import com.accountview.contract.Topics;

/** The configured Kafka topic of each logical topic. */
public record TopicNames(String accounts, String contracts) {

    public static final TopicNames DEFAULTS = new TopicNames(Topics.ACCOUNTS, Topics.CONTRACTS);

    public String of(EntityKind topic) {
        return topic == EntityKind.ACCOUNT ? accounts : contracts;
    }
}
