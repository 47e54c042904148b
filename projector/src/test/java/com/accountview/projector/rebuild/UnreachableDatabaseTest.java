package com.accountview.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class UnreachableDatabaseTest {

    @Test
    void thePoolsTimeoutIsUnreachableAndNamesItsCause() {
        ConnectException refused = new ConnectException("Connection refused");
        var timeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001",
                refused);

        assertThat(UnreachableDatabase.causeOf(new ConnectionException(timeout))).containsSame(refused);
    }

    @Test
    void aBrokenConnectionIsUnreachable() {
        SQLException closed = new SQLException("This connection has been closed.", "08003");

        assertThat(UnreachableDatabase.causeOf(new IllegalStateException("the statement failed", closed)))
                .containsSame(closed);
    }

    @Test
    void aServerShuttingDownOrOutOfConnectionsIsUnreachable() {
        assertThat(UnreachableDatabase.causeOf(new SQLException("terminating connection", "57P01"))).isPresent();
        assertThat(UnreachableDatabase.causeOf(new SQLException("the database system is starting up", "57P03")))
                .isPresent();
        assertThat(UnreachableDatabase.causeOf(new SQLException("too many clients already", "53300"))).isPresent();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(UnreachableDatabase.causeOf(new SQLException("relation does not exist", "42P01"))).isEmpty();
        assertThat(UnreachableDatabase.causeOf(new SQLException("database dropped", "57P04"))).isEmpty();
        assertThat(UnreachableDatabase.causeOf(new SQLException("no state"))).isEmpty();
        assertThat(UnreachableDatabase.causeOf(new IllegalStateException("a bug"))).isEmpty();
    }
}
