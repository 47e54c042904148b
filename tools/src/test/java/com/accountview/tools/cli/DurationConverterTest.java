package com.accountview.tools.cli;

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
    void durationsAreWrittenBackTheShortWayInTheirLargestWholeUnit() {
        assertThat(DurationConverter.write(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(DurationConverter.write(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationConverter.write(Duration.ofHours(24))).isEqualTo("24h");
        assertThat(DurationConverter.write(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationConverter.write(Duration.ZERO)).isEqualTo("0s");
        for (String written : new String[] {"5m", "90s", "24h", "1500ms", "0s"}) {
            assertThat(DurationConverter.write(converter.convert(written))).isEqualTo(written);
        }
    }

    @Test
    void anythingElseIsRefusedWithAnExample() {
        assertThatThrownBy(() -> converter.convert("ten minutes")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("30s, 10m or PT10M");
        assertThatThrownBy(() -> converter.convert("10 d")).isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
