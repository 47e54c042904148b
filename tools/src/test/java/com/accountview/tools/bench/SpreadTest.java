package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void theMedianOfAnOddNumberOfRunsIsTheMiddleOne() {
        assertThat(Spread.of(List.of(30.0, 10.0, 20.0))).isEqualTo(new Spread(20.0, 10.0, 30.0, 3));
    }

    @Test
    void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Spread(2.5, 1.0, 4.0, 4));
    }

    @Test
    void runsThatMeasuredNothingAreLeftOut() {
        assertThat(Spread.of(Arrays.asList(Double.NaN, 5.0, null))).isEqualTo(new Spread(5.0, 5.0, 5.0, 1));
        assertThat(Spread.of(List.of(Double.NaN)).measured()).isFalse();
    }

    @Test
    void percentilesOfAWindowComeFromEveryResponseInIt() {
        Histogram micros = Latencies.microsecondsHistogram();
        for (int i = 1; i <= 10_000; i++) {
            micros.recordValue(i); // 1 µs .. 10 ms, uniformly
        }

        Latencies latencies = Latencies.of(micros);

        assertThat(latencies.count()).isEqualTo(10_000);
        assertThat(latencies.p50()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(latencies.p99()).isCloseTo(9.9, org.assertj.core.data.Offset.offset(0.01));
        assertThat(latencies.p999()).isCloseTo(9.99, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Latencies.of(Latencies.microsecondsHistogram())).isEqualTo(Latencies.NONE);
    }
}
