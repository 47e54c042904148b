package com.accountview.tools.bench;

import java.time.Duration;
import java.time.Instant;

import com.accountview.tools.stack.LocalStackException;
import com.accountview.tools.stack.ProjectionWatch;
import com.accountview.tools.stack.ServiceProcess;

/**
 * Times one projection of the pre-filled topics by a sink (AccountView's projector or the ceiling
 * program) through its progress ({@link ProjectionWatch}: what it has done, recorded after the database
 * transaction that applied it). The measured span starts at the first sample that shows
 * progress (so a JVM's start-up is not counted) and ends at the first sample where every record is
 * committed; rate and CPU time are taken over exactly that span, CPU from {@code /proc} of the sink's
 * JVM (and, apart, of its JIT compiler threads: {@link JitCompilerCpu}), of PostgreSQL (postmaster
 * and backends) and of the broker. Samples every 100 ms; when
 * everything is committed between two samples (a small history), the span starts at the last sample
 * without progress. Not thread-safe.
 */
final class ProjectionMeasure {

    private static final Duration SAMPLE = Duration.ofMillis(100);

    /**
     * One projection.
     *
     * @param eventsPerSecond records per second over the measured span
     * @param sinkCpuPerMillion CPU seconds of the sink's JVM per million records
     * @param sinkCompilerCpuPerMillion of those, the seconds of its JIT compiler threads
     * @param postgresCpuPerMillion CPU seconds of PostgreSQL per million records
     * @param brokerCpuPerMillion CPU seconds of the Kafka broker per million records
     * @param records records measured (those committed after the first sample that showed progress)
     * @param startToFirstProgress from the sink's start to the first sample that showed progress
     */
    record Result(double eventsPerSecond, double sinkCpuPerMillion, double sinkCompilerCpuPerMillion,
                  double postgresCpuPerMillion, double brokerCpuPerMillion, long records, Duration startToFirstProgress) {

        /** The sink's CPU per million records without its JIT compiler threads: its own work, the collector's included. */
        double sinkCpuPerMillionWithoutCompiler() {
            return sinkCpuPerMillion - sinkCompilerCpuPerMillion;
        }
    }

    private record Sample(long nanos, long projected, long sinkCpu, long sinkCompilerCpu, long postgresCpu, long brokerCpu) {
    }

    private final ProcessCpu postgres;
    private final ProcessCpu broker;

    ProjectionMeasure(ProcessCpu postgres, ProcessCpu broker) {
        this.postgres = postgres;
        this.broker = broker;
    }

    /** Waits until {@code sink}, started at {@code startNanos}, has projected everything; closes {@code watch}. */
    Result measure(ServiceProcess sink, long startNanos, ProjectionWatch watch, Duration timeout) throws Exception {
        ProcessCpu sinkCpu = ProcessCpu.of(sink.pid());
        JitCompilerCpu sinkCompiler = JitCompilerCpu.of(sink.pid());
        Instant deadline = Instant.now().plus(timeout);
        try (watch) {
            Sample first = null;
            Sample previous = null;
            while (true) {
                ProjectionWatch.Progress progress = watch.progress();
                sinkCompiler.sample();
                Sample sample = new Sample(System.nanoTime(), progress.projected(), sinkCpu.get().toNanos(),
                        sinkCompiler.used().toNanos(), postgres.get().toNanos(), broker.get().toNanos());
                if (first == null && progress.projected() > 0) {
                    first = sample;
                }
                if (progress.caughtUp() && first != null) {
                    // all of it between two samples (a small history): from the last sample without progress
                    return result(first == sample && previous != null ? previous : first, sample, startNanos);
                }
                previous = sample;
                BenchSystem.requireAlive(sink);
                if (Instant.now().isAfter(deadline)) {
                    throw new LocalStackException(String.format("%s projected %,d of %,d records in %s: gave up (see --timeout)",
                            sink.name(), progress.projected(), progress.published(), timeout));
                }
                Thread.sleep(SAMPLE.toMillis());
            }
        }
    }

    /** Waits until {@code sink} has done every record {@code watch} counts; measures nothing; closes {@code watch}. */
    void awaitCaughtUp(ServiceProcess sink, ProjectionWatch watch, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (watch) {
            while (!watch.progress().caughtUp()) {
                BenchSystem.requireAlive(sink);
                if (Instant.now().isAfter(deadline)) {
                    throw new LocalStackException(sink.name() + " did not catch up in " + timeout);
                }
                Thread.sleep(SAMPLE.toMillis());
            }
        }
    }

    private static Result result(Sample first, Sample last, long startNanos) {
        long records = last.projected() - first.projected();
        double seconds = (last.nanos() - first.nanos()) / 1e9;
        if (records == 0 || seconds == 0) {
            // everything was committed between two samples: the span is unknown
            return new Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                    Duration.ofNanos(first.nanos() - startNanos));
        }
        double perMillion = 1e6 / records / 1e9;
        return new Result(records / seconds, (last.sinkCpu() - first.sinkCpu()) * perMillion,
                (last.sinkCompilerCpu() - first.sinkCompilerCpu()) * perMillion,
                (last.postgresCpu() - first.postgresCpu()) * perMillion,
                (last.brokerCpu() - first.brokerCpu()) * perMillion, records, Duration.ofNanos(first.nanos() - startNanos));
    }
}
