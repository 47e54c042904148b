package com.accountview.projector.ingestion;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which settings name a topic the broker does not have, instead of a stack trace. */
final class MissingTopicsFailureAnalyzer extends AbstractFailureAnalyzer<MissingTopicsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingTopicsException cause) {
        return new FailureAnalysis(cause.getMessage() + ": nothing would be consumed from it.",
                "Check the topic names (accountview.topics.accounts / accountview.topics.contracts, environment"
                        + " ACCOUNTVIEW_TOPICS_ACCOUNTS / ACCOUNTVIEW_TOPICS_CONTRACTS) and the broker"
                        + " (spring.kafka.bootstrap-servers), or create the topics first (docs/operations.md).",
                cause);
    }
}
