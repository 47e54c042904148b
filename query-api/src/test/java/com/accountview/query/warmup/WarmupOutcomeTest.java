package com.accountview.query.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WarmupOutcomeTest {

    @Test
    void requestsWithoutAnAnswerAreCountedApartFromTheAnsweredOnes() {
        WarmupOutcome outcome = WarmupOutcome.of(Map.of(404, 694L, 200, 10L, WarmupOutcome.TIMED_OUT, 4L,
                WarmupOutcome.NO_ANSWER, 1L), Duration.ofMillis(20_007));

        assertThat(outcome.statuses()).containsExactly(Map.entry(200, 10L), Map.entry(404, 694L));
        assertThat(outcome.timedOut()).isEqualTo(4);
        assertThat(outcome.unanswered()).isEqualTo(1);
        assertThat(outcome.requests()).isEqualTo(709);
        assertThat(outcome.summary()).isEqualTo("709 requests in 20007 ms, by status {200=10, 404=694}, "
                + "4 without an answer within 5 s, 1 without any HTTP answer (their connections stopped)");
    }

    @Test
    void aWarmupAnsweredThroughoutSaysOnlyItsStatuses() {
        WarmupOutcome outcome = WarmupOutcome.of(Map.of(400, 37_073L), Duration.ofMillis(20_001));

        assertThat(outcome.timedOut()).isZero();
        assertThat(outcome.unanswered()).isZero();
        assertThat(outcome.summary()).isEqualTo("37073 requests in 20001 ms, by status {400=37073}");
    }
}
