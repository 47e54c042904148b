package com.accountview.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class ValidationTimeoutTest {

    private final ValidationTimeout validationTimeout = new ValidationTimeout();

    private HikariDataSource pool(long connectionTimeout, long validationTimeout) {
        HikariDataSource pool = new HikariDataSource();
        pool.setConnectionTimeout(connectionTimeout);
        pool.setValidationTimeout(validationTimeout);
        return pool;
    }

    @Test
    void theCheckOfAnIdleConnectionWaitsNoLongerThanARequestWaitsForAConnection() {
        HikariDataSource pool = pool(1000, 5000);

        validationTimeout.postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getValidationTimeout()).isEqualTo(1000);
    }

    @Test
    void aShorterConfiguredCheckStays() {
        HikariDataSource pool = pool(1000, 400);

        validationTimeout.postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getValidationTimeout()).isEqualTo(400);
    }
}
