package com.accountview.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void durationsAreWrittenTheShortWay() {
        assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("24h")).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void orInIso8601() {
        assertThat(converter.convert("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("PT5M")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anythingElseIsRefusedWithAnExample() {
        assertThatThrownBy(() -> converter.convert("ten minutes")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("30s, 10m or PT10M");
        assertThatThrownBy(() -> converter.convert("10 d")).isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
