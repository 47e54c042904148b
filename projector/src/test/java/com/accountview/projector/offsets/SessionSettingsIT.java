package com.accountview.projector.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.accountview.projector.support.ProjectorContextTest;

/**
 * The projector's sessions, as its default settings make them (the context the other test classes
 * share); {@link com.accountview.projector.generations.AbandonedTransactionIT} shows what the idle-transaction timeout does, with a
 * shorter one.
 */
class SessionSettingsIT extends ProjectorContextTest {

    @Test
    void aTransactionLeftIdleForAMinuteIsEndedByPostgres() {
        assertThat(new JdbcTemplate(dataSource).queryForObject("SHOW idle_in_transaction_session_timeout", String.class))
                .isEqualTo("1min");
    }
}
