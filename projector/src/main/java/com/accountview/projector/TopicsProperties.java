package com.accountview.projector;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.accountview.contract.Topics;

/**
 * The topics the projector consumes ({@code accountview.topics.*}); the contract's names by
 * default. Malformed events of a topic go to {@code <topic>.DLT} ({@link Topics#deadLetterTopicOf}).
 *
 * @param accounts account events, keyed by account id
 * @param contracts contract events, keyed by contract id
 */
@ConfigurationProperties("accountview.topics")
public record TopicsProperties(
        @DefaultValue(Topics.ACCOUNTS) String accounts,
        @DefaultValue(Topics.CONTRACTS) String contracts) {
}
