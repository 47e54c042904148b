package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.accountview.tools.stack.LocalStackException;
import com.accountview.tools.stack.LoopbackPorts;

class JdbcLoadTest {

    @Test
    void clientsThatCannotConnectFailTheWindowInsteadOfShrinkingItsLoad() throws IOException {
        String nobodyListens = "jdbc:postgresql://127.0.0.1:" + LoopbackPorts.free(1)[0] + "/accountview?connectTimeout=5";

        assertThatThrownBy(() -> new JdbcLoad().run(LookupSql.ACCOUNTS_BY_EXTERNAL_ID, new KeyRange("telco", 1, 100),
                Arrivals.closedLoop(3), Duration.ofMillis(200), nobodyListens))
                .isInstanceOf(LocalStackException.class)
                .hasMessageStartingWith("the JDBC loop's baseline failed on 3 of its 3 connections, the first with:")
                .hasMessageContaining("Connection to 127.0.0.1:");
    }
}
