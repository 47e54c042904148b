package com.accountview.tools.stack;

import java.util.List;

/**
 * The JIT compiler threads of the services' JVMs on a small machine. Below 4 processors HotSpot
 * runs one C1 and one C2 compiler thread, and on 2 busy cores that one C2 thread is what a service
 * waits on to become fast after its start: with a second one ({@code -XX:CICompilerCount=3}) the
 * query-api spent about 60% less CPU per request in the benchmark's windows at 64 connections, and
 * the projection came closer to the plain loop (docs/performance.md, "The sixth performance
 * work"). From 4 processors HotSpot picks 3 or more itself, so the option is added only below that,
 * and never over a count the options already give. The container images set the same
 * (docs/operations.md). Stateless.
 */
public final class CompilerThreads {

    static final String OPTION = "-XX:CICompilerCount=";
    /** One C1 and two C2 compiler threads. */
    static final int COUNT = 3;
    /** Where HotSpot's own choice reaches {@link #COUNT}. */
    private static final int PROCESSORS_OF_HOTSPOTS_OWN = 4;

    private CompilerThreads() {
    }

    /** {@code jvmOptions} for this machine's processors: see {@link #forProcessors}. */
    public static List<String> forThisMachine(List<String> jvmOptions) {
        return forProcessors(Runtime.getRuntime().availableProcessors(), jvmOptions);
    }

    /** {@code jvmOptions}, with {@code -XX:CICompilerCount=3} after them below 4 processors unless they give a count. */
    static List<String> forProcessors(int processors, List<String> jvmOptions) {
        return processors >= PROCESSORS_OF_HOTSPOTS_OWN ? List.copyOf(jvmOptions)
                : JvmOptions.withDefault(jvmOptions, OPTION, COUNT);
    }
}
