package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
    void theOrganizationAndTheActiveContractsFixedArgumentsAreDefined() {
        KeyRange keys = new KeyRange("telco", 100_000_000, 100_249_999);
        Instant now = Instant.parse("2026-12-07T03:04:05Z");

        assertThat(Pgbench.definitions(LookupSql.ACTIVE_CONTRACT_BY_EXTERNAL_ID, keys, now))
                .containsExactly("--define=orgId=telco", "--define=activeStatus=ACTIVE", "--define=now=2026-12-07T03:04:05Z");
        assertThat(Pgbench.definitions(LookupSql.CONTRACTS_BY_EXTERNAL_ID, keys, now)).containsExactly("--define=orgId=telco");
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
    void aWindowWithoutAFinishedTransactionIsAnErrorThatNamesTheWindow() throws IOException {
        // pgbench's output in CI with --query-window 1s at 64 clients on a busy machine: a count of 0, no tps line
        String output = """
                pgbench (15.18 (Debian 15.18-0+deb12u1), server 16.8)
                number of clients: 64
                duration: 1 s
                number of transactions actually processed: 0
                number of failed transactions: 0 (NaN%)
                """;

        assertThatThrownBy(() -> Pgbench.processed(output, 64, Duration.ofSeconds(1))).isInstanceOf(IOException.class)
                .hasMessageStartingWith("it finished no transaction in its 1-s window on 64 connections")
                .hasMessageContaining("a longer --query-window gives it time");
        assertThat(Pgbench.processed(output.replace("processed: 0", "processed: 12"), 64, Duration.ofSeconds(1))).isEqualTo(12);
    }

    @Test
    void failedTransactionsAreAnErrorNotAPartOfTheBaselinesRate() throws IOException {
        String output = """
                number of transactions actually processed: 41000
                number of failed transactions: 3 (0.007%)
                """;

        assertThatThrownBy(() -> Pgbench.requireNoFailures(output)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("3 of its transactions failed");
        Pgbench.requireNoFailures(output.replace("transactions: 3 (0.007%)", "transactions: 0 (0.000%)"));
    }

    @Test
    void everyLoggedTransactionHasItsLatencyAndEndAndFailedOnesAreLeftOut() {
        assertThat(Pgbench.Transaction.parse("0 1 384 0 1764672000 123456"))
                .hasValue(new Pgbench.Transaction(384, 1_764_672_000_123_456L));
        assertThat(Pgbench.Transaction.parse("3 7 1020 0 1764672000 223456 17")).as("with --rate: the schedule lag after it")
                .hasValue(new Pgbench.Transaction(1020, 1_764_672_000_223_456L));
        assertThat(Pgbench.Transaction.parse("3 8 failed 0 1764672000 323456")).isEmpty();
    }

    @Test
    void anOpenLoopLeavesOutWhatPgbenchScheduledBeforeItWasConnectedAndBackOnSchedule() {
        long start = 1_764_672_000_000_000L;
        List<Pgbench.Transaction> logged = List.of(
                new Pgbench.Transaction(600_000, start + 600_500), // scheduled at the start, run once connected
                new Pgbench.Transaction(1_020_000, start + 1_320_000), // scheduled 300 ms in, behind the backlog
                new Pgbench.Transaction(400, start + 1_660_400), // scheduled 1.66 s in: after connecting (650 ms) and 1 s catching up
                new Pgbench.Transaction(900, start + 1_900_900)); // scheduled 1.9 s in
        String output = "initial connection time = 650.000 ms\ntps = 999.0 (without initial connection time)\n";

        assertThat(Pgbench.afterSettling(logged, output)).extracting(Pgbench.Transaction::latencyMicros)
                .containsExactly(400L, 900L);
    }
}
