package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PgbenchTest {

    @Test
    void theScriptDrawsAnExternalIdAndRunsTheStatementWithPgbenchsVariables() {
        String script = Pgbench.script(LookupSql.ACCOUNTS_BY_EXTERNAL_ID, new KeyRange("telco", 100_000_000, 100_249_999));

        assertThat(script).startsWith("\\set externalId random(100000000, 100249999)\nSELECT lookup.*\n")
                .contains("WHERE org_id = :orgId AND external_id = :externalId\n")
                .endsWith(") found) lookup ON true;\n");
    }

    @Test
    void theRateIsPgbenchsOwnWithoutConnectionSetUp() {
        String output = """
                pgbench (15.18 (Debian 15.18-0+deb12u1), server 16.8)
                transaction type: lookup.sql
                number of transactions actually processed: 331234
                number of failed transactions: 0 (0.000%)
                latency average = 0.384 ms
                initial connection time = 21.335 ms
                tps = 41401.987654 (without initial connection time)
                """;

        assertThat(Pgbench.tps(output)).hasValue(41401.987654);
    }

    @Test
    void everyLoggedTransactionsLatencyIsRecordedAndFailedOnesAreNot() {
        Histogram micros = Latencies.microsecondsHistogram();

        Pgbench.recordLatency("0 1 384 0 1764672000 123456", micros);
        Pgbench.recordLatency("3 7 1020 0 1764672000 223456", micros);
        Pgbench.recordLatency("3 8 failed 0 1764672000 323456", micros);

        assertThat(micros.getTotalCount()).isEqualTo(2);
        assertThat(micros.getMaxValue()).isBetween(1019L, 1021L);
    }
}
