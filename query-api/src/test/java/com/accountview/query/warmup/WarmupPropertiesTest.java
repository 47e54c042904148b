package com.accountview.query.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class WarmupPropertiesTest {

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
                assertThat(context).getFailure().rootCause().hasMessageContaining("accountview.warmup.duration"));
    }

    @Test
    void noConnectionDoesNotStart() {
        startUp.withPropertyValues("accountview.warmup.connections=0").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("accountview.warmup.connections"));
    }
}
