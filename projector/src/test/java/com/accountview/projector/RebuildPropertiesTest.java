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

    @Test
    void anAdminTokenShorterThanSixteenCharactersIsRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("accountview.rebuild.admin-token", "abc")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("accountview.rebuild.admin-token (ACCOUNTVIEW_REBUILD_ADMIN_TOKEN) has 3"
                        + " characters; use at least 16");
        assertThatThrownBy(() -> bind(Map.of("accountview.rebuild.admin-token", "  a-15-char-token  ")))
                .isInstanceOf(BindException.class);
    }

    @Test
    void aLongEnoughAdminTokenOrNoneStarts() {
        assertThat(bind(Map.of("accountview.rebuild.admin-token", "0123456789abcdef")).adminToken())
                .isEqualTo("0123456789abcdef");
        assertThat(bind(Map.of()).adminToken()).isNull();
        assertThat(bind(Map.of("accountview.rebuild.admin-token", "")).adminToken()).isEmpty();
    }
}
