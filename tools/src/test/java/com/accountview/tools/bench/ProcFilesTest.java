package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProcFilesTest {

    @Test
    void cpuTimesAreCountedFromTheLastParenthesisSinceTheCommandNameMayHoldSpacesAndParentheses() {
        String line = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 51860 0 1 0 1234 567 89 10 20 0 42 0 "
                + "1000 6000000000 100000 18446744073709551615 1 1 0 0 0 0 0 4096 17612 0 0 0 17 1 0 0 0 0 0";

        ProcFiles.CpuTicks ticks = ProcFiles.parseStat(line);

        assertThat(ticks).isEqualTo(new ProcFiles.CpuTicks(1234, 567, 89, 10));
        assertThat(ticks.own()).isEqualTo(1801);
        assertThat(ticks.withReapedChildren()).isEqualTo(1900);
    }

    @Test
    void theCommandIsWhatTheOutermostParenthesesHold() {
        assertThat(ProcFiles.parseCommand("4242 (java (main) x) S 1 4242")).isEqualTo("java (main) x");
        assertThat(ProcFiles.parseCommand("17 (C2 CompilerThre) S 1 16")).isEqualTo("C2 CompilerThre");
    }

    @Test
    void residentMemoryAndItsPeakComeFromTheStatusFileInKib() {
        String status = """
                Name:\tjava
                VmPeak:\t 9586884 kB
                VmHWM:\t  441972 kB
                VmRSS:\t  401000 kB
                Threads:\t42
                """;

        assertThat(ProcFiles.parseStatusKib(status, "VmHWM")).hasValue(441_972);
        assertThat(ProcFiles.parseStatusKib(status, "VmRSS")).hasValue(401_000);
        assertThat(ProcFiles.parseStatusKib(status, "VmSwap")).isEmpty();
    }

    @Test
    void thisJvmsCpuTimeFromProcAgreesWithTheJdksOwnAccount() {
        assumeThat(ProcFiles.available()).as("Linux /proc").isTrue();
        long pid = ProcessHandle.current().pid();

        Duration jdk = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
        Duration proc = ProcFiles.toDuration(ProcFiles.cpu(pid).orElseThrow().own());

        // both read the same ticks; only the reading instants differ (and the tick's granularity)
        assertThat(proc).isBetween(jdk.minusMillis(200), jdk.plusMillis(500));
        assertThat(ProcFiles.rssKib(pid).orElseThrow()).isPositive();
        assertThat(ProcFiles.peakRssKib(pid).orElseThrow()).isGreaterThanOrEqualTo(ProcFiles.rssKib(pid).orElseThrow() / 2);
    }

    @Test
    void aProcessThatIsGoneReadsAsAbsent() {
        assertThat(ProcFiles.cpu(Long.MAX_VALUE)).isEmpty();
        assertThat(ProcFiles.rssKib(Long.MAX_VALUE)).isEmpty();
    }
}
