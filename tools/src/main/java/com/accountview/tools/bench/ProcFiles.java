package com.accountview.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * What Linux's {@code /proc} says about a process: CPU time from {@code /proc/<pid>/stat}
 * ({@code utime + stime}, in clock ticks) and resident memory from {@code /proc/<pid>/status}
 * ({@code VmRSS}, and {@code VmHWM}: the peak), and the same CPU time per thread from
 * {@code /proc/<pid>/task/<tid>/stat}. A process that is gone reads as absent. Thread-safe.
 */
final class ProcFiles {

    /** Clock ticks per second of {@code /proc/<pid>/stat}'s times: {@code getconf CLK_TCK}, 100 on Linux. */
    static final long CLOCK_TICKS = clockTicks();

    private ProcFiles() {
    }

    /** CPU time of one process. */
    record CpuTicks(long user, long system, long reapedChildrenUser, long reapedChildrenSystem) {

        long own() {
            return user + system;
        }

        /** Its own time and that of the children it has waited for (PostgreSQL's exited backends). */
        long withReapedChildren() {
            return own() + reapedChildrenUser + reapedChildrenSystem;
        }
    }

    /**
     * Parses a {@code /proc/<pid>/stat} line. The command name (field 2) is in parentheses and may
     * itself hold spaces and parentheses, so fields are counted from the last {@code ')'}: after it
     * come field 3 (state) onwards, of which 14-17 are utime, stime, cutime and cstime.
     */
    static CpuTicks parseStat(String line) {
        int end = line.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        String[] fields = line.substring(end + 1).trim().split("\\s+");
        // fields[0] is field 3 (state): field n is fields[n - 3]
        return new CpuTicks(Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                Long.parseLong(fields[13]), Long.parseLong(fields[14]));
    }

    /** Field 2 of a {@code /proc/<pid>/stat} line: the command (a thread's name, at most 15 bytes), without its parentheses. */
    static String parseCommand(String line) {
        int start = line.indexOf('(');
        int end = line.lastIndexOf(')');
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        return line.substring(start + 1, end);
    }

    /** A {@code kB} field of {@code /proc/<pid>/status} ({@code VmRSS:    123456 kB}), in KiB. */
    static OptionalLong parseStatusKib(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                String value = line.substring(field.length() + 1).trim();
                return OptionalLong.of(Long.parseLong(value.split("\\s+")[0]));
            }
        }
        return OptionalLong.empty();
    }

    static Duration toDuration(long ticks) {
        return Duration.ofNanos(ticks * 1_000_000_000L / CLOCK_TICKS);
    }

    /** The process's CPU time so far; empty once it is gone. */
    static Optional<CpuTicks> cpu(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "stat")).map(ProcFiles::parseStat);
    }

    /**
     * The {@code stat} line of each thread of the process, by thread id; empty once it is gone. A
     * thread that exits while being read is left out.
     */
    static Map<Long, String> threadStats(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        Map<Long, String> stats = new HashMap<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> read(thread.resolve("stat"))
                    .ifPresent(line -> stats.put(Long.parseLong(thread.getFileName().toString()), line)));
        } catch (IOException | UncheckedIOException e) {
            // the process exited while its threads were listed
        }
        return stats;
    }

    /** Resident memory now, in KiB. */
    static OptionalLong rssKib(long pid) {
        return statusKib(pid, "VmRSS");
    }

    /** Peak resident memory so far, in KiB. */
    static OptionalLong peakRssKib(long pid) {
        return statusKib(pid, "VmHWM");
    }

    private static OptionalLong statusKib(long pid, String field) {
        return read(Path.of("/proc", Long.toString(pid), "status"))
                .map(status -> parseStatusKib(status, field)).orElse(OptionalLong.empty());
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // a process that exits while being read
            return Optional.empty();
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor() == 0 && out.matches("[0-9]+")) {
                return Long.parseLong(out);
            }
        } catch (IOException e) {
            // no getconf: Linux's USER_HZ is 100 on every common architecture
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
