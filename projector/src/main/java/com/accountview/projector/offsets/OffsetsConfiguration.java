package com.accountview.projector.offsets;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import com.accountview.projector.ProjectionProperties;
import com.accountview.projector.generations.Generation;

/**
 * The live projection's partitions: Spring Boot's listener container factory picks up both beans
 * (the rebalance listener and the error handler).
 */
@Configuration(proxyBeanMethods = false)
class OffsetsConfiguration {

    @Bean
    AssignedPartitions assignedPartitions(StoredOffsets offsets, Generation generation,
                                          ProjectionProperties properties, MeterRegistry registry) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        return new AssignedPartitions(offsets, generation.id(), backOff, registry, Clock.systemUTC());
    }

    @Bean
    CommonErrorHandler repositionAfterFailure(AssignedPartitions partitions, MeterRegistry registry) {
        return new RepositionAfterFailure(partitions, registry);
    }
}
