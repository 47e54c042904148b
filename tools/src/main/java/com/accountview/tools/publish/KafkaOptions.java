package com.accountview.tools.publish;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import com.accountview.contract.EntityKind;
import com.accountview.contract.Topics;

/** Where to publish: the options every publishing command shares. Defaults are the services' defaults. */
public final class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:SPRING_KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (default: $SPRING_KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--accounts-topic", paramLabel = "TOPIC",
            defaultValue = "${env:ACCOUNTVIEW_TOPICS_ACCOUNTS:-" + Topics.ACCOUNTS + "}",
            description = "Topic of account events (default: $ACCOUNTVIEW_TOPICS_ACCOUNTS or ${DEFAULT-VALUE}).")
    String accountsTopic;

    @Option(names = "--contracts-topic", paramLabel = "TOPIC",
            defaultValue = "${env:ACCOUNTVIEW_TOPICS_CONTRACTS:-" + Topics.CONTRACTS + "}",
            description = "Topic of contract events (default: $ACCOUNTVIEW_TOPICS_CONTRACTS or ${DEFAULT-VALUE}).")
    String contractsTopic;

    @Option(names = {"-X", "--producer-property"}, paramLabel = "KEY=VALUE",
            description = "Extra Kafka producer setting, e.g. -X security.protocol=SASL_SSL; repeatable.")
    Map<String, String> producerProperties = new LinkedHashMap<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    public TopicNames topics() {
        return new TopicNames(accountsTopic, contractsTopic);
    }

    /**
     * A sink to the cluster, once a broker answered and the Kafka topics of {@code topics} exist
     * ({@link KafkaCluster}): nothing is published to a wrong address or a mistyped topic.
     */
    public KafkaSink openSink(Collection<EntityKind> topics) {
        TopicNames names = topics();
        KafkaCluster.requireTopics(bootstrapServers, producerProperties, topics.stream().map(names::of).toList(),
                KafkaCluster.TIMEOUT);
        return new KafkaSink(bootstrapServers, names, producerProperties);
    }

    /** The largest record the producer with these options sends; a -X value that is no number is invalid input. */
    public RecordSizeLimit recordSizeLimit() {
        try {
            return RecordSizeLimit.of(producerProperties);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "Invalid value for option '--producer-property': "
                    + e.getMessage());
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
