package com.accountview.query.warmup;

import static com.accountview.testinfra.BoundSettings.environmentVariables;
import static com.accountview.testinfra.BoundSettings.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.Map;

import com.accountview.testinfra.BoundSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.FieldError;

class WarmupPropertiesTest {

    private static final String NEGATIVE = "must not be negative; 0 turns the warm-up off";

    private final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WarmupProperties.class)
    static class Bound {
    }

    @Test
    void warmsUpForTwentySecondsOnFourConnectionsByDefault() {
        startUp.run(context -> {
            WarmupProperties warmup = context.getBean(WarmupProperties.class);
            assertThat(warmup.duration()).isEqualTo(Duration.ofSeconds(20));
            assertThat(warmup.connections()).isEqualTo(4);
            assertThat(warmup.enabled()).isTrue();
        });
    }

    @Test
    void aDurationOfZeroTurnsItOff() {
        startUp.withPropertyValues("accountview.warmup.duration=0").run(context ->
                assertThat(context.getBean(WarmupProperties.class).enabled()).isFalse());
    }

    @Test
    void aNegativeDurationDoesNotStart() {
        startUp.withPropertyValues("accountview.warmup.duration=-1s").run(context ->
                assertThat(rejected(context.getStartupFailure()))
                        .extracting(FieldError::getField, FieldError::getDefaultMessage)
                        .containsOnly(tuple("duration", NEGATIVE)));
    }

    @Test
    void noConnectionDoesNotStart() {
        startUp.withPropertyValues("accountview.warmup.connections=0").run(context ->
                assertThat(rejected(context.getStartupFailure()))
                        .extracting(FieldError::getField, FieldError::getDefaultMessage)
                        .containsOnly(tuple("connections", "must be at least 1")));
    }

    @Test
    void bothWrongSettingsAreReportedAtOnceWithTheirValuesAndOrigins() {
        startUp.withInitializer(environmentVariables(Map.of(
                        "ACCOUNTVIEW_WARMUP_DURATION", "-1s", "ACCOUNTVIEW_WARMUP_CONNECTIONS", "0")))
                .run(context -> assertThat(rejected(context.getStartupFailure()))
                        .extracting(FieldError::getField, FieldError::getDefaultMessage,
                                error -> String.valueOf(error.getRejectedValue()), BoundSettings::origin)
                        .containsOnly(
                                tuple("duration", NEGATIVE, "PT-1S",
                                        "System Environment Property \"ACCOUNTVIEW_WARMUP_DURATION\""),
                                tuple("connections", "must be at least 1", "0",
                                        "System Environment Property \"ACCOUNTVIEW_WARMUP_CONNECTIONS\"")));
    }
}
