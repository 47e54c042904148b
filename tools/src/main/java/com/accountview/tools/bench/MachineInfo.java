package com.accountview.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a benchmark ran on, for the report: cores, memory, CPU model, JDK, operating system,
 * load when it started, and the date. Immutable.
 */
record MachineInfo(int cores, long memoryKib, String cpuModel, String jdk, String os, String loadAverage,
                   String date) {

    static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(),
                read("/proc/meminfo").map(text -> ProcFiles.parseStatusKib(text, "MemTotal").orElse(-1)).orElse(-1L),
                read("/proc/cpuinfo").flatMap(MachineInfo::cpuModel).orElse("unknown"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                currentLoadAverage(),
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT)));
    }

    /** The 1, 5 and 15 minute load averages now: how busy the shared machine is. */
    static String currentLoadAverage() {
        return read("/proc/loadavg").map(text -> String.join(" ", Arrays.asList(text.trim().split("\\s+")).subList(0, 3)))
                .orElse("unknown");
    }

    /** {@code model name : AMD EPYC} of the first processor in {@code /proc/cpuinfo}. */
    static Optional<String> cpuModel(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("model name")) {
                return Optional.of(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return Optional.empty();
    }

    String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB memory, %s, %s; load average at start %s; %s",
                cores, cpuModel, memoryKib / 1024.0 / 1024.0, jdk, os, loadAverage, date);
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
