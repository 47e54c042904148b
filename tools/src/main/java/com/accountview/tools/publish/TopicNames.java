package com.accountview.tools.publish;

import com.accountview.tools.contract.EntityTopic;

/** The configured Kafka topic of each logical topic. */
public record TopicNames(String accounts, String contracts) {

    public static final TopicNames DEFAULTS = new TopicNames("customers.accounts.v1", "customers.contracts.v1");

    public String of(EntityTopic topic) {
        return topic == EntityTopic.ACCOUNTS ? accounts : contracts;
    }
}
