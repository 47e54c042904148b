package com.accountview.tools.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The CPU time a JVM's JIT compiler threads used between the first {@link #sample()} and the
 * latest, read per thread from {@code /proc/<pid>/task/<tid>/stat}. HotSpot names them
 * {@code C1 CompilerThread<n>} and {@code C2 CompilerThread<n>} (Linux keeps the first 15 bytes),
 * and starts and stops them as its compile queue grows and shrinks; a thread's time leaves
 * {@code /proc} with it, so each thread counts up to the last sample that saw it, and what a
 * compiler thread used between that sample and its exit is missed (at most one sampling interval
 * of it). A thread first seen after the first sample counts from zero. Not thread-safe.
 */
final class JitCompilerCpu {

    private final Supplier<Map<Long, String>> threadStats;
    private final Map<Long, Long> firstTicks = new HashMap<>();
    private final Map<Long, Long> lastTicks = new HashMap<>();
    private boolean sampled;

    /** @param threadStats each thread's {@code stat} line by thread id, as {@link ProcFiles#threadStats} reads them */
    JitCompilerCpu(Supplier<Map<Long, String>> threadStats) {
        this.threadStats = threadStats;
    }

    static JitCompilerCpu of(long pid) {
        return new JitCompilerCpu(() -> ProcFiles.threadStats(pid));
    }

    /** Whether a thread of this name (as {@code /proc} shows it) is one of HotSpot's JIT compiler threads. */
    static boolean isCompilerThread(String name) {
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    /** Reads the compiler threads' times now. */
    void sample() {
        threadStats.get().forEach((tid, line) -> {
            if (isCompilerThread(ProcFiles.parseCommand(line))) {
                long ticks = ProcFiles.parseStat(line).own();
                if (!sampled) {
                    firstTicks.put(tid, ticks);
                }
                lastTicks.put(tid, ticks);
            }
        });
        sampled = true;
    }

    /** What the compiler threads used between the first sample and the latest. */
    Duration used() {
        long ticks = 0;
        for (Map.Entry<Long, Long> thread : lastTicks.entrySet()) {
            ticks += thread.getValue() - firstTicks.getOrDefault(thread.getKey(), 0L);
        }
        return ProcFiles.toDuration(ticks);
    }
}
