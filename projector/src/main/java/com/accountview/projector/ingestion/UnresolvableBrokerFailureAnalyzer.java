package com.accountview.projector.ingestion;

import org.apache.kafka.common.config.ConfigException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Says which setting names a broker whose host name does not resolve, instead of a stack trace.
 *
 * <p>Kafka's clients (4.1) resolve {@code bootstrap.servers} once, when they are created, and refuse
 * to be created when no name resolves; so unlike a broker that does not answer yet, which the
 * projector waits for, such a name fails the start (docs/projector.md, <em>A broker name that does
 * not resolve</em>).
 */
final class UnresolvableBrokerFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {

    /** The start of the message Kafka's {@code ClientUtils} gives when no bootstrap address resolves. */
    private static final String KAFKA_MESSAGE = "No resolvable bootstrap urls";
    private static final String SETTING = "spring.kafka.bootstrap-servers";

    private final Environment environment;

    UnresolvableBrokerFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigException cause) {
        if (cause.getMessage() == null || !cause.getMessage().startsWith(KAFKA_MESSAGE)) {
            return null;
        }
        return new FailureAnalysis("No host name of the Kafka broker's address resolves: " + SETTING
                + " (SPRING_KAFKA_BOOTSTRAP_SERVERS) is " + environment.getProperty(SETTING, "localhost:9092") + ".",
                "Check the host names. A broker that does not answer yet is waited for, but its name must resolve"
                        + " when the projector starts; where it appears only later (a broker still being scheduled),"
                        + " let the supervisor start the projector again (Kubernetes does, and Docker Compose with a"
                        + " restart policy).",
                cause);
    }
}
