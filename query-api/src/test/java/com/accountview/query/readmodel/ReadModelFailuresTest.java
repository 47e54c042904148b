package com.accountview.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import com.accountview.query.errors.ApiException;
import com.accountview.query.errors.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadModelFailuresTest {

    private static RuntimeException failureWith(SQLException cause) {
        return new IllegalStateException("wrapped by the data access layer", cause);
    }

    private static ErrorCode codeOf(RuntimeException translated) {
        return translated instanceof ApiException api ? api.code() : null;
    }

    @Test
    void cancelledStatementIsRepositoryTimeout() {
        assertThat(codeOf(ReadModelFailures.translate(failureWith(new SQLException("canceled", "57014")))))
                .isEqualTo(ErrorCode.REPOSITORY_TIMEOUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "57P01", "57P03", "53300"})
    void unreachableOrBusyDatabaseIsServiceUnavailable(String sqlState) {
        assertThat(codeOf(ReadModelFailures.translate(failureWith(new SQLException("down", sqlState)))))
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void exhaustedPoolIsServiceUnavailable() {
        assertThat(codeOf(ReadModelFailures.translate(failureWith(new SQLTransientConnectionException("timeout")))))
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42P01", "3F000"})
    void missingSchemaIsServiceUnavailable(String sqlState) {
        assertThat(codeOf(ReadModelFailures.translate(failureWith(new SQLException("no such relation", sqlState)))))
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42501", "42601", "22P02"})
    void otherDatabaseErrorsStayUnexpected(String sqlState) {
        RuntimeException failure = failureWith(new SQLException("bug", sqlState));

        assertThat(ReadModelFailures.translate(failure)).isSameAs(failure);
    }
}
