package com.accountview.tools.publish;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Optional;

import com.accountview.tools.contract.EventContract;
import com.accountview.tools.contract.LineVerdict;
import com.accountview.tools.contract.OutgoingRecord;

/**
 * Validates a whole events file against the contract, then publishes it: nothing is published
 * from a file with an invalid line unless invalid lines are allowed, in which case the invalid
 * lines that name their topic are published as they are (to exercise consumers' dead-lettering).
 * The file is read once: validation keeps a private copy of the lines it checked and publishing
 * reads that copy, so what is published is exactly what was validated even if the file changes
 * in between (and a pipe works). Problems are reported as {@code line N: <what is wrong>}, the
 * first few of them ({@link ProblemReport}). Not thread-safe.
 */
public final class EventFilePublisher {

    private final EventContract contract;
    private final PrintWriter problems;

    public EventFilePublisher(EventContract contract, PrintWriter problems) {
        this.contract = contract;
        this.problems = problems;
    }

    /** What one validation pass found, and the lines it read; closing deletes that copy. Not thread-safe. */
    public static final class Validation implements AutoCloseable {

        private final EventsFile copy;
        private final long lines;
        private final BitSet invalidLines;

        private Validation(EventsFile copy, long lines, BitSet invalidLines) {
            this.copy = copy;
            this.lines = lines;
            this.invalidLines = invalidLines;
        }

        /** Non-blank lines read. */
        public long lines() {
            return lines;
        }

        public long invalid() {
            return invalidLines.cardinality();
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(copy.path());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + copy.path(), e);
            }
        }
    }

    /** Reads {@code file} once, checking every line and keeping a copy (in the temporary directory) to publish. */
    public Validation validate(EventsFile file) {
        BitSet invalid = new BitSet();
        long[] lines = {0};
        ProblemReport report = new ProblemReport(problems);
        Path copy = createCopy();
        try {
            EventsFile copied = file.copyTo(copy, (number, line) -> {
                lines[0]++;
                LineVerdict verdict = contract.check(line);
                if (!verdict.valid()) {
                    invalid.set(number);
                    report.invalid(number, line, verdict.problems(), verdict.record().isPresent());
                }
            });
            report.finish();
            return new Validation(copied, lines[0], invalid);
        } catch (RuntimeException e) {
            deleteQuietly(copy, e);
            throw e;
        }
    }

    /**
     * Publishes the lines {@link #validate} read: the valid ones, and with {@code allowInvalid} the
     * invalid ones that name their topic. Returns the number of records accepted by the sink.
     */
    public long publish(Validation validation, EventSink sink, boolean allowInvalid) {
        ProgressBar progress = new ProgressBar("records", validation.lines(), 50_000);
        long[] records = {0};
        validation.copy.forEachLine((number, line) -> {
            Optional<OutgoingRecord> record = contract.route(line);
            if (record.isPresent() && (allowInvalid || !validation.invalidLines.get(number))) {
                sink.accept(record.get());
                records[0]++;
            }
            progress.step();
        });
        progress.finish();
        return records[0];
    }

    private static Path createCopy() {
        try {
            // owner-only permissions on POSIX file systems
            return Files.createTempFile("accountview-publish-", ".jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary copy of the events file", e);
        }
    }

    private static void deleteQuietly(Path copy, RuntimeException failure) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
