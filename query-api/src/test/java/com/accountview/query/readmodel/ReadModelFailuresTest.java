package com.accountview.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import com.accountview.query.errors.ApiException;
import com.accountview.query.errors.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadModelFailuresTest {

    private static ErrorCode codeOf(RuntimeException translated) {
        return translated instanceof ApiException api ? api.code() : null;
    }

    @Test
    void cancelledStatementIsRepositoryTimeout() {
        assertThat(codeOf(ReadModelFailures.translate(new SQLException("canceled", "57014"))))
                .isEqualTo(ErrorCode.REPOSITORY_TIMEOUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "57P01", "57P02", "57P03", "53300"})
    void unreachableOrBusyDatabaseIsServiceUnavailable(String sqlState) {
        assertThat(codeOf(ReadModelFailures.translate(new SQLException("down", sqlState))))
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"57P01", "57P02", "08006", "08003"})
    void aSessionTheServerEndedOrThatBrokeIsWorthAnotherConnection(String sqlState) {
        assertThat(ReadModelFailures.isSessionEnded(new SQLException("session ended", sqlState))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "57P03", "53300", "57014", "42P01"})
    void aFailureToConnectATimeoutOrAnyOtherFailureIsNot(String sqlState) {
        assertThat(ReadModelFailures.isSessionEnded(new SQLException("no", sqlState))).isFalse();
        assertThat(ReadModelFailures.isSessionEnded(new SQLTransientConnectionException("pool timeout"))).isFalse();
    }

    @Test
    void aServerThatFellSilentIsNot() {
        SQLException silent = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new SocketTimeoutException("Read timed out"));

        assertThat(ReadModelFailures.isSessionEnded(silent)).isFalse();
    }

    @Test
    void exhaustedPoolIsServiceUnavailable() {
        assertThat(codeOf(ReadModelFailures.translate(new SQLTransientConnectionException("timeout"))))
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42P01", "3F000"})
    void missingSchemaIsServiceUnavailable(String sqlState) {
        assertThat(codeOf(ReadModelFailures.translate(new SQLException("no such relation", sqlState))))
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42501", "42601", "22P02"})
    void otherDatabaseErrorsStayUnexpectedAndKeepTheirCause(String sqlState) {
        SQLException failure = new SQLException("bug", sqlState);

        RuntimeException translated = ReadModelFailures.translate(failure);

        assertThat(translated).isNotInstanceOf(ApiException.class).hasCause(failure);
        assertThat(translated.getMessage()).contains(sqlState);
    }

    @Test
    void withoutSqlStateAFailureStaysUnexpected() {
        assertThat(ReadModelFailures.translate(new SQLException("no state"))).isNotInstanceOf(ApiException.class);
    }

    @Test
    void onlyConnectionExceptionsMeanTheDatabaseIsUnreachable() {
        assertThat(ReadModelFailures.isUnreachable(new SQLTransientConnectionException("refused", "08001"))).isTrue();
        assertThat(ReadModelFailures.isUnreachable(new SQLException("broken", "08006"))).isTrue();
        assertThat(ReadModelFailures.isUnreachable(new SQLTransientConnectionException("exhausted"))).isFalse();
        assertThat(ReadModelFailures.isUnreachable(new SQLException("canceled", "57014"))).isFalse();
    }
}
