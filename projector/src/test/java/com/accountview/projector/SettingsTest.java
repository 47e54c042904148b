package com.accountview.projector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.accountview.testinfra.BoundSettings;

/** The projector's own settings, bound and checked as at start-up. */
class SettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Bound.class);

    @EnableConfigurationProperties({RebuildProperties.class, ProjectionProperties.class})
    static class Bound {
    }

    @Test
    void aRebuildConsumesOnOneThreadWithLargeBatchesUnlessConfigured() {
        context.run(started -> {
            RebuildProperties defaults = started.getBean(RebuildProperties.class);
            assertThat(defaults.concurrency()).isEqualTo(1);
            assertThat(defaults.maxPollRecords()).isEqualTo(5000);
        });
        context.withPropertyValues("accountview.rebuild.concurrency=3")
                .run(started -> assertThat(started.getBean(RebuildProperties.class).concurrency()).isEqualTo(3));
    }

    @Test
    void everyWrongSettingOfAGroupIsReportedAtOnceEachWithItsReason() {
        Map<String, String> reasons = rejected("accountview.rebuild.concurrency=0", "accountview.rebuild.switch-wait=0s",
                "accountview.rebuild.retired-retention=-1m", "accountview.rebuild.projection-version=0",
                "accountview.rebuild.max-poll-records=0", "accountview.rebuild.switch-max-lag=-1");

        assertThat(reasons).containsOnly(
                Map.entry("concurrency", "must be at least 1"),
                Map.entry("switchWait", "must be positive"),
                Map.entry("retiredRetention", "must be positive"),
                Map.entry("projectionVersion", "must be at least 1"),
                Map.entry("maxPollRecords", "must be at least 1"),
                Map.entry("switchMaxLag", "must not be negative"));
    }

    @Test
    void anAdminTokenShorterThanSixteenCharactersIsRefusedAtStartUp() {
        assertThat(rejected("accountview.rebuild.admin-token=abc")).containsOnly(Map.entry("adminToken",
                "has 3 characters; use at least 16, e.g. from `openssl rand -hex 24`, or none to refuse every rebuild request"));
        assertThat(rejected("accountview.rebuild.admin-token=  a-15-char-token  ")).containsOnlyKeys("adminToken");
    }

    @Test
    void aLongEnoughAdminTokenOrNoneStarts() {
        context.withPropertyValues("accountview.rebuild.admin-token=0123456789abcdef").run(started ->
                assertThat(started.getBean(RebuildProperties.class).adminToken()).isEqualTo("0123456789abcdef"));
        context.run(started -> assertThat(started.getBean(RebuildProperties.class).adminToken()).isNull());
        context.withPropertyValues("accountview.rebuild.admin-token=").run(started ->
                assertThat(started.getBean(RebuildProperties.class).adminToken()).isEmpty());
    }

    @Test
    void theRetryBackOffMustGrowAndEveryIntervalBePositive() {
        assertThat(rejected("accountview.projection.retry-initial-interval=5s", "accountview.projection.retry-max-interval=1s"))
                .containsOnly(Map.entry("retryMaxInterval", "must not be shorter than accountview.projection.retry-initial-interval (PT5S)"));
        assertThat(rejected("accountview.projection.retry-initial-interval=0s", "accountview.projection.database-check-interval=0s",
                "accountview.projection.batch-threads=-1", "accountview.projection.ready-max-lag=-1"))
                .containsOnly(Map.entry("retryInitialInterval", "must be positive"),
                        Map.entry("databaseCheckInterval", "must be positive"),
                        Map.entry("batchThreads", "must not be negative (0: one per processor)"),
                        Map.entry("readyMaxLag", "must not be negative"));
    }

    @Test
    void theDefaultsPassEveryCheck() {
        context.run(started -> assertThat(started).hasNotFailed());
    }

    /** The settings the start refused, by field, with the reason given for each. */
    private Map<String, String> rejected(String... settings) {
        Map<String, String> reasons = new HashMap<>();
        context.withPropertyValues(settings).run(started -> {
            assertThat(started).hasFailed();
            BoundSettings.rejected(started.getStartupFailure())
                    .forEach(error -> reasons.put(error.getField(), error.getDefaultMessage()));
        });
        return reasons;
    }
}
