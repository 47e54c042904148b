package com.accountview.tools.publish;

import java.util.List;

import com.accountview.contract.EntityKind;
import com.accountview.contract.Topics;

/** The configured Kafka topic of each logical topic. */
public record TopicNames(String accounts, String contracts) {

    public static final TopicNames DEFAULTS = new TopicNames(Topics.ACCOUNTS, Topics.CONTRACTS);

    public String of(EntityKind topic) {
        return topic == EntityKind.ACCOUNT ? accounts : contracts;
    }

    /** Both topics and their dead-letter topics: what a local run or a benchmark creates for a projector. */
    public List<String> withDeadLetterTopics() {
        return List.of(accounts, contracts, Topics.deadLetterTopicOf(accounts), Topics.deadLetterTopicOf(contracts));
    }
}
