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
 * @param mustExist whether the projector refuses to start when the broker says one of them does not
 *                  exist (a mistyped name would otherwise be consumed as an empty topic while the
 *                  projector reports ready); false only for brokers that create topics when they
 *                  are first consumed, such as the tests'
 */
@ConfigurationProperties("accountview.topics")
public record TopicsProperties(
        @DefaultValue(Topics.ACCOUNTS) String accounts,
        @DefaultValue(Topics.CONTRACTS) String contracts,
        @DefaultValue("true") boolean mustExist) {
}
