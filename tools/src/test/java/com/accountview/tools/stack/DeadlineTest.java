package com.accountview.tools.stack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The launcher's one way of waiting: until a condition holds, a service dies, or a deadline passes. */
class DeadlineTest {

    @Test
    void aWaitThatTimesOutNamesTheLimitThatSetItsDeadline() {
        assertThatThrownBy(() -> Deadline.after(Duration.ZERO, "--timeout")
                .await("the projector to catch up", () -> true, () -> false))
                .isInstanceOf(LocalStackException.class)
                .hasMessage("timed out waiting for the projector to catch up after 0s (--timeout)");
    }

    @Test
    void aWaitEndsAsSoonAsWhatItWaitedForHappened() {
        assertThatCode(() -> Deadline.after(Duration.ZERO, "--timeout")
                .await("the projector to catch up", () -> false, () -> true)).doesNotThrowAnyException();
    }

    @Test
    void aServiceThatDiedEndsTheWaitBeforeItsDeadline() {
        assertThatThrownBy(() -> Deadline.after(Duration.ofMinutes(5), "--startup-timeout")
                .await("the projector's readiness", () -> false, () -> false))
                .isInstanceOf(LocalStackException.class)
                .hasMessage("gave up waiting for the projector's readiness: a process it waited on has ended");
    }
}
