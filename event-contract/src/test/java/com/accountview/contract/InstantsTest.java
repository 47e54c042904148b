package com.accountview.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantsTest {

    @Test
    void offsetsAreNormalisedToUtcAndFractionsRoundedHalfUpToTheMicrosecond() {
        assertThat(Instants.parse("2024-01-01T01:00:00+01:00")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(Instants.parse("2024-01-01T00:00:00.1234565Z")).isEqualTo(Instant.parse("2024-01-01T00:00:00.123457Z"));
        assertThat(Instants.parse("2024-01-01T00:00:00.1234564Z")).isEqualTo(Instant.parse("2024-01-01T00:00:00.123456Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00",
            "9999-12-31T23:59:59.9999995Z"})
    void instantsOutsideTheYearsOneToNineThousandNineHundredNinetyNineInUtcAreRefused(String text) {
        assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(Instants.OUT_OF_RANGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01", "2024-03-01T09:00:00", "2024-03-01T09:00Z", "2024-03-01t09:00:00Z",
            "2024-03-01T09:00:00z", "2024-02-30T09:00:00Z", "+12024-03-01T09:00:00Z", "2024-03-01 09:00:00Z",
            "2024-03-01T09:00:00.1234567890Z"})
    void onlyRfc3339WithSecondsAndAnOffsetIsATimestamp(String text) {
        assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("is not an RFC 3339 timestamp");
    }

    @Test
    void theEdgesOfTheRangeAreAccepted() {
        assertThat(Instants.parse("0001-01-01T00:00:00Z")).isEqualTo(Instants.EARLIEST);
        assertThat(Instants.parse("9999-12-31T23:59:59.999999Z")).isEqualTo(Instants.LATEST);
    }
}
