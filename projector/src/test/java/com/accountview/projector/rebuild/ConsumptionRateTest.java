package com.accountview.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ConsumptionRateTest {

    private static final Instant START = Instant.parse("2026-12-07T02:29:03Z");
    private final ConsumptionRate rate = new ConsumptionRate();

    @Test
    void isZeroUntilMeasuredTwice() {
        assertThat(rate.measured(2, START, 5_000)).isZero();
        assertThat(rate.measured(2, START.plusSeconds(10), 25_000)).isEqualTo(2_000.0);
    }

    @Test
    void isTakenSinceTheNewestMeasurementAtLeastTheWindowOld() {
        rate.measured(2, START, 0);
        rate.measured(2, START.plusSeconds(10), 10_000);
        rate.measured(2, START.plusSeconds(20), 40_000);

        // 40 s on: since the measurement at 10 s, not the one at 0 s, nor the younger one at 20 s
        assertThat(rate.measured(2, START.plusSeconds(40), 70_000)).isEqualTo(2_000.0);
    }

    @Test
    void isTakenOverAGapInTheMeasurementsLongerThanTheWindow() {
        rate.measured(2, START, 5_000);

        // the broker did not answer for 52 s: no measurement in between, yet the rate is known
        assertThat(rate.measured(2, START.plusSeconds(52), 41_916)).isCloseTo(709.9, within(0.1));
    }

    @Test
    void forgetsTheMeasurementsOfAnotherGeneration() {
        rate.measured(2, START, 50_000);

        assertThat(rate.measured(3, START.plusSeconds(10), 1_000)).isZero();
        assertThat(rate.measured(3, START.plusSeconds(20), 11_000)).isEqualTo(1_000.0);
    }
}
