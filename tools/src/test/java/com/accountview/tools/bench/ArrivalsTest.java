package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ArrivalsTest {

    @Test
    void eachClientsGapsAverageItsShareOfTheRate() {
        Arrivals arrivals = new Arrivals(4000, 64); // 62.5 requests/s per client: 16 ms apart on average
        SplittableRandom random = new SplittableRandom(1);
        long due = 0;
        int draws = 100_000;
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int i = 0; i < draws; i++) {
            long next = arrivals.nextDue(due, random);
            shortest = Math.min(shortest, next - due);
            longest = Math.max(longest, next - due);
            due = next;
        }

        assertThat(due / (double) draws / 1e6).as("mean gap, ms").isCloseTo(16.0, withPercentage(2));
        // exponential, not evenly spaced: some gaps far below the mean, some far above
        assertThat(shortest).isLessThan(160_000);
        assertThat(longest).isGreaterThan(5 * 16_000_000L);
    }

    @Test
    void aClosedLoopHasNoSchedule() {
        Arrivals closed = Arrivals.closedLoop(16);

        assertThat(closed.open()).isFalse();
        assertThat(closed.clients()).isEqualTo(16);
        assertThatThrownBy(() -> closed.nextDue(0, new SplittableRandom(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Arrivals(-1, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Arrivals(100, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
