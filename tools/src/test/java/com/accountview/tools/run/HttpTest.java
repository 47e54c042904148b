package com.accountview.tools.run;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The launcher's one way of waiting: until a condition holds, a service dies, or a deadline passes. */
class HttpTest {

    @Test
    void aWaitThatTimesOutNamesTheLimitThatSetItsDeadline() {
        assertThatThrownBy(() -> Http.await("the projector to catch up", Deadline.after(Duration.ZERO, "--timeout"),
                () -> true, () -> false))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("timed out waiting for the projector to catch up after 0s (--timeout)");
    }

    @Test
    void aWaitEndsAsSoonAsWhatItWaitedForHappened() {
        assertThatCode(() -> Http.await("the projector to catch up", Deadline.after(Duration.ZERO, "--timeout"),
                () -> false, () -> true)).doesNotThrowAnyException();
    }

    @Test
    void aServiceThatDiedEndsTheWaitBeforeItsDeadline() {
        assertThatThrownBy(() -> Http.await("the projector's readiness", Deadline.after(Duration.ofMinutes(5),
                "--startup-timeout"), () -> false, () -> false))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("gave up waiting for the projector's readiness");
    }
}
