package com.accountview.tools.bench;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * CPU time used so far by a process under measurement, read from {@code /proc}; the benchmark takes
 * the difference over a measured window. Thread-safe.
 */
@FunctionalInterface
interface ProcessCpu extends Supplier<Duration> {

    /** One process (a JVM: all its threads); what it used until it exited is lost once it is gone. */
    static ProcessCpu of(long pid) {
        return () -> ProcFiles.toDuration(ProcFiles.cpu(pid).map(ProcFiles.CpuTicks::own).orElse(0L));
    }

    /**
     * A process and its children: PostgreSQL's postmaster with its backends alive now and those that
     * exited (which the postmaster waited for, so their time counts as its children's).
     */
    static ProcessCpu withChildren(long pid) {
        return () -> {
            long ticks = ProcFiles.cpu(pid).map(ProcFiles.CpuTicks::withReapedChildren).orElse(0L);
            ticks += ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                    .mapToLong(child -> ProcFiles.cpu(child.pid()).map(ProcFiles.CpuTicks::own).orElse(0L)).sum();
            return ProcFiles.toDuration(ticks);
        };
    }

    /** This JVM: the HTTP load generator and the JDBC baseline. */
    static ProcessCpu self() {
        return of(ProcessHandle.current().pid());
    }

    /** The children this JVM started and waited for: pgbench. */
    static ProcessCpu reapedChildrenOfSelf() {
        long pid = ProcessHandle.current().pid();
        return () -> ProcFiles.toDuration(ProcFiles.cpu(pid)
                .map(ticks -> ticks.reapedChildrenUser() + ticks.reapedChildrenSystem()).orElse(0L));
    }

    /** Cores used on average between two readings {@code elapsed} apart. */
    static double cores(Duration before, Duration after, Duration elapsed) {
        return elapsed.isZero() ? Double.NaN : (after.toNanos() - before.toNanos()) / (double) elapsed.toNanos();
    }
}
