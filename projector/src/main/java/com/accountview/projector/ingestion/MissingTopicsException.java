package com.accountview.projector.ingestion;

import java.util.List;

/** A topic the projector is configured to consume does not exist on the broker. */
public final class MissingTopicsException extends IllegalStateException {

    private final List<String> topics;

    MissingTopicsException(List<String> topics, String bootstrapServers) {
        super("The broker at " + bootstrapServers + " has no topic " + String.join(", ", topics));
        this.topics = List.copyOf(topics);
    }

    /** The topics the broker does not have. */
    public List<String> topics() {
        return topics;
    }
}
