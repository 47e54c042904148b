package com.accountview.tools.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class RebuildProgressLineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void showsAppliedLagPerTopicRateTimeLeftAndABarOfConsumedAgainstConsumedPlusLag() {
        String line = RebuildProgressLine.of(JSON.readTree("""
                {"generation": 2, "phase": "BUILDING", "eventsApplied": 412311, "recordsConsumed": 600000,
                 "lag": {"customers.accounts.v1": 420117, "customers.contracts.v1": 179883}, "totalLag": 600000,
                 "recordsPerSecond": 48115.4, "etaSeconds": 13}
                """));

        assertThat(line).isEqualTo("generation 2 building [###############---------------] 412,311 events applied,"
                + " lag 600,000 (customers.accounts.v1 420,117, customers.contracts.v1 179,883), 48,115 records/s,"
                + " about 13 s left");
    }

    @Test
    void saysWhatIsNotKnownYet() {
        String line = RebuildProgressLine.of(JSON.readTree("{\"generation\": 3, \"phase\": \"BUILDING\"}"));

        assertThat(line).contains("lag 0 (not measured yet)").contains("time left unknown");
    }
}
