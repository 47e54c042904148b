package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JitCompilerCpuTest {

    @Test
    void onlyHotSpotsCompilerThreadsCountAsTheyAppearInProc() {
        assertThat(List.of("C1 CompilerThre", "C2 CompilerThre")).allMatch(JitCompilerCpu::isCompilerThread);
        assertThat(List.of("java", "GC Thread#0", "G1 Conc#0", "batch-1", "projector-g1-0-", "VM Thread"))
                .noneMatch(JitCompilerCpu::isCompilerThread);
    }

    @Test
    void countsEachCompilerThreadFromTheFirstSampleToTheLastThatSawIt() {
        Deque<Map<Long, String>> samples = new ArrayDeque<>(List.of(
                Map.of(10L, stat(10, "C2 CompilerThre", 100), 11L, stat(11, "C1 CompilerThre", 40), 12L, stat(12, "java", 900)),
                Map.of(10L, stat(10, "C2 CompilerThre", 150), 11L, stat(11, "C1 CompilerThre", 45), 12L, stat(12, "java", 990)),
                // thread 10 stopped (HotSpot stops idle compiler threads); thread 13 started after the first sample
                Map.of(11L, stat(11, "C1 CompilerThre", 47), 12L, stat(12, "java", 1200), 13L, stat(13, "C2 CompilerThre", 30))));
        JitCompilerCpu compiler = new JitCompilerCpu(samples::removeFirst);

        compiler.sample();
        assertThat(compiler.used()).isZero();
        compiler.sample();
        compiler.sample();

        // 50 ticks of thread 10 until it was last seen, 7 of thread 11, 30 of thread 13; none of the main thread's
        assertThat(compiler.used()).isEqualTo(ProcFiles.toDuration(87));
    }

    @Test
    void thisJvmsCompilerThreadsAreFoundAndUseNoMoreThanTheWholeProcess() {
        assumeThat(ProcFiles.available()).as("Linux /proc").isTrue();
        long pid = ProcessHandle.current().pid();
        assertThat(ProcFiles.threadStats(pid).values()).map(ProcFiles::parseCommand)
                .anyMatch(JitCompilerCpu::isCompilerThread);

        JitCompilerCpu compiler = JitCompilerCpu.of(pid);
        Duration processBefore = ProcFiles.toDuration(ProcFiles.cpu(pid).orElseThrow().own());
        compiler.sample();
        long sum = 0;
        for (int i = 0; i < 2_000_000; i++) {
            sum += Integer.toString(i).hashCode();
        }
        compiler.sample();
        Duration processAfter = ProcFiles.toDuration(ProcFiles.cpu(pid).orElseThrow().own());

        assertThat(sum).isNotZero();
        assertThat(compiler.used()).isGreaterThanOrEqualTo(Duration.ZERO).isLessThanOrEqualTo(processAfter.minus(processBefore).plusMillis(10));
    }

    private static String stat(long tid, String name, long utime) {
        return tid + " (" + name + ") S 1 1 1 0 -1 4194560 0 0 0 0 " + utime + " 0 0 0 20 0 42 0 "
                + "1000 6000000000 100000 18446744073709551615 1 1 0 0 0 0 0 4096 17612 0 0 0 17 1 0 0 0 0 0";
    }
}
