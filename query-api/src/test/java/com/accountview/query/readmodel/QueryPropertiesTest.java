package com.accountview.query.readmodel;

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

class QueryPropertiesTest {

    private final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(QueryProperties.class)
    static class Bound {
    }

    @Test
    void queriesMayRunTwoSecondsAndTheHealthCheckHalfASecondByDefault() {
        startUp.run(context -> {
            QueryProperties query = context.getBean(QueryProperties.class);
            assertThat(query.timeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(query.healthTimeout()).isEqualTo(Duration.ofMillis(500));
        });
    }

    @Test
    void anEmptySettingKeepsTheDefault() {
        startUp.withInitializer(environmentVariables(Map.of("ACCOUNTVIEW_QUERY_TIMEOUT", "")))
                .run(context -> assertThat(context.getBean(QueryProperties.class).timeout())
                        .isEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void aTimeoutOfZeroDoesNotStart() {
        startUp.withPropertyValues("accountview.query.timeout=0s").run(context ->
                assertThat(rejected(context.getStartupFailure()))
                        .extracting(FieldError::getField, FieldError::getDefaultMessage)
                        .containsOnly(tuple("timeout", "must be positive")));
    }

    @Test
    void aNegativeHealthTimeoutDoesNotStart() {
        startUp.withPropertyValues("accountview.query.health-timeout=-1s").run(context ->
                assertThat(rejected(context.getStartupFailure()))
                        .extracting(FieldError::getField, FieldError::getDefaultMessage)
                        .containsOnly(tuple("healthTimeout", "must be positive")));
    }

    @Test
    void bothWrongSettingsAreReportedAtOnceWithTheirValuesAndOrigins() {
        startUp.withInitializer(environmentVariables(Map.of(
                        "ACCOUNTVIEW_QUERY_TIMEOUT", "0s", "ACCOUNTVIEW_QUERY_HEALTH_TIMEOUT", "-1s")))
                .run(context -> assertThat(rejected(context.getStartupFailure()))
                        .extracting(FieldError::getField, FieldError::getDefaultMessage,
                                error -> String.valueOf(error.getRejectedValue()), BoundSettings::origin)
                        .containsOnly(
                                tuple("timeout", "must be positive", "PT0S",
                                        "System Environment Property \"ACCOUNTVIEW_QUERY_TIMEOUT\""),
                                tuple("healthTimeout", "must be positive", "PT-1S",
                                        "System Environment Property \"ACCOUNTVIEW_QUERY_HEALTH_TIMEOUT\"")));
    }
}
