package com.accountview.projector;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topics the projector consumes ({@code accountview.topics.*}). Malformed events of a topic
 * go to {@code <topic>.DLT}.
 *
 * @param accounts account events, keyed by account id
 * @param contracts contract events, keyed by contract id
 */
@ConfigurationProperties("accountview.topics")
public record TopicsProperties(
        @DefaultValue("customers.accounts.v1") String accounts,
        @DefaultValue("customers.contracts.v1") String contracts) {
}
