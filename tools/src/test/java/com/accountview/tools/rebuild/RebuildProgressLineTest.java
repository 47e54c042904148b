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
                 "recordsPerSecond": 48115.4, "etaSeconds": 13, "measuredAt": "2026-12-06T09:00:00Z"}
                """));

        assertThat(line).isEqualTo("generation 2 building [###############---------------] 412,311 events applied,"
                + " lag 600,000 (customers.accounts.v1 420,117, customers.contracts.v1 179,883), 48,115 records/s,"
                + " about 13 s left");
    }

    @Test
    void saysWhatIsNotKnownYet() {
        String line = RebuildProgressLine.of(JSON.readTree("""
                {"generation": 3, "phase": "BUILDING", "eventsApplied": 0, "recordsConsumed": 0, "lag": {},
                 "totalLag": 0, "recordsPerSecond": 0.0, "etaSeconds": -1, "measuredAt": "2026-12-06T09:00:00Z"}
                """));

        assertThat(line).contains("lag 0 (not measured yet)").contains("time left unknown");
    }

    @Test
    void showsNoFiguresBeforeTheProjectorMeasuredTheRebuild() {
        // what a restarted projector answers for a rebuild it resumed: the figures are null
        String line = RebuildProgressLine.of(JSON.readTree("""
                {"generation": 3, "phase": "BUILDING", "eventsApplied": null, "recordsConsumed": null, "lag": null,
                 "totalLag": null, "recordsPerSecond": null, "etaSeconds": null, "measuredAt": null}
                """));

        assertThat(line).isEqualTo("generation 3 building, progress not measured yet");
    }
}
