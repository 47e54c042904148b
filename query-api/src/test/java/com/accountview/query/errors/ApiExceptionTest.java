package com.accountview.query.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class ApiExceptionTest {

    /** An expected answer, not a fault: filling in a stack trace cost a measurable part of a 404's CPU. */
    @Test
    void clientErrorCarriesNoStackTrace() {
        ApiException noActiveContract = new ApiException(ErrorCode.NO_ACTIVE_CONTRACT, "none active");

        assertThat(noActiveContract.getStackTrace()).isEmpty();
        assertThat(noActiveContract.getMessage()).isEqualTo("none active");
    }

    @Test
    void serverErrorKeepsItsStackTraceAndCause() {
        SQLException cause = new SQLException("canceling statement due to statement timeout", "57014");
        ApiException timeout = new ApiException(ErrorCode.REPOSITORY_TIMEOUT, "too slow", cause);

        assertThat(timeout.getStackTrace()).isNotEmpty();
        assertThat(timeout.getCause()).isSameAs(cause);
        assertThat(new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "down").getStackTrace()).isNotEmpty();
    }
}
