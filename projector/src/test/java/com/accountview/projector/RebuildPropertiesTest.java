package com.accountview.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RebuildPropertiesTest {

    private static RebuildProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("accountview.rebuild", RebuildProperties.class);
    }

    @Test
    void aRebuildConsumesOnOneThreadWithLargeBatchesUnlessConfigured() {
        RebuildProperties defaults = bind(Map.of());

        assertThat(defaults.concurrency()).isEqualTo(1);
        assertThat(defaults.maxPollRecords()).isEqualTo(5000);
        assertThat(bind(Map.of("accountview.rebuild.concurrency", "3")).concurrency()).isEqualTo(3);
    }

    @Test
    void aRebuildWithoutConsumerThreadsIsRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("accountview.rebuild.concurrency", "0")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("accountview.rebuild.max-poll-records and concurrency must be positive");
    }
}
