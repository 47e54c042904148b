package com.accountview.projector.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContextException;
import org.springframework.mock.env.MockEnvironment;

/** The failures of Kafka's own clients, made with a name that cannot resolve (RFC 2606's .invalid). */
class UnresolvableBrokerFailureAnalyzerTest {

    private static final String UNRESOLVABLE = "kafak.invalid:9092";

    private final UnresolvableBrokerFailureAnalyzer analyzer = new UnresolvableBrokerFailureAnalyzer(
            new MockEnvironment().withProperty("spring.kafka.bootstrap-servers", UNRESOLVABLE));

    @Test
    void theStartUpCheckOfTheTopicsFailingOnTheNameSaysWhichSettingToCheck() {
        Throwable failure = catchThrowable(() -> Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, UNRESOLVABLE)));

        FailureAnalysis analysis = analyzer.analyze(new IllegalStateException("creating bean 'sourceTopics'", failure));

        assertThat(analysis.getDescription()).isEqualTo("No host name of the Kafka broker's address resolves:"
                + " spring.kafka.bootstrap-servers (SPRING_KAFKA_BOOTSTRAP_SERVERS) is kafak.invalid:9092.");
        assertThat(analysis.getAction()).contains("Check the host names");
    }

    @Test
    void theListenersFailingOnTheNameAreAnalysedAlike() {
        Throwable failure = catchThrowable(() -> new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, UNRESOLVABLE, ConsumerConfig.GROUP_ID_CONFIG, "group"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()));

        FailureAnalysis analysis = analyzer.analyze(new ApplicationContextException("Failed to start bean", failure));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains(UNRESOLVABLE);
    }

    @Test
    void anyOtherConfigurationErrorIsLeftToSpringBoot() {
        Throwable failure = catchThrowable(() -> Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "no-port")));

        assertThat(failure).hasRootCauseInstanceOf(ConfigException.class);
        assertThat(analyzer.analyze(failure)).isNull();
    }

    @Test
    void theDefaultAddressIsNamedWhenNoneIsConfigured() {
        Throwable failure = catchThrowable(() -> Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, UNRESOLVABLE)));

        assertThat(new UnresolvableBrokerFailureAnalyzer(new MockEnvironment()).analyze(failure).getDescription())
                .endsWith("is localhost:9092.");
    }
}
