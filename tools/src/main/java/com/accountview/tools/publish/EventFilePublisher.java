package com.accountview.tools.publish;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.accountview.contract.EntityKind;
import com.accountview.tools.cli.ProgressBar;
import com.accountview.tools.contract.EventContract;
import com.accountview.tools.contract.LineVerdict;
import com.accountview.tools.contract.OutgoingRecord;

/**
 * Validates a whole events file against the contract, then publishes it: nothing is published
 * from a file with an invalid line unless invalid lines are allowed, in which case the invalid
 * lines that are records (they name their topic, and a tombstone line is valid) are published as
 * they are (to exercise consumers' dead-lettering). A line whose record is larger than the sink
 * takes is invalid and never published, so that no file is published only up to such a line.
 * The file is read once: validation keeps a private copy of the lines it checked and publishing
 * reads that copy, so what is published is exactly what was validated even if the file changes
 * in between (and a pipe works). Problems are reported as {@code line N: <what is wrong>}, the
 * first few of them ({@link ProblemReport}). Not thread-safe.
 */
public final class EventFilePublisher {

    private final EventContract contract;
    private final RecordSizeLimit sizeLimit;
    private final PrintWriter problems;

    /** {@code sizeLimit}: the largest record the sink takes; a line whose record is larger is invalid and never published. */
    public EventFilePublisher(EventContract contract, RecordSizeLimit sizeLimit, PrintWriter problems) {
        this.contract = contract;
        this.sizeLimit = sizeLimit;
        this.problems = problems;
    }

    /** What one validation pass found, and the lines it read; closing deletes that copy. Not thread-safe. */
    public static final class Validation implements AutoCloseable {

        private final EventsFile copy;
        private final long lines;
        private final BitSet invalidLines;
        private final BitSet unpublishableLines;
        private final Set<EntityKind> topics;

        private Validation(EventsFile copy, long lines, BitSet invalidLines, BitSet unpublishableLines,
                           Set<EntityKind> topics) {
            this.copy = copy;
            this.lines = lines;
            this.invalidLines = invalidLines;
            this.unpublishableLines = unpublishableLines;
            this.topics = topics;
        }

        /** Non-blank lines read. */
        public long lines() {
            return lines;
        }

        public long invalid() {
            return invalidLines.cardinality();
        }

        /** The topics publishing may send records to: those of the lines that are records at all. */
        public Set<EntityKind> topics() {
            return Collections.unmodifiableSet(topics);
        }

        private boolean publishes(int line, boolean allowInvalid) {
            return !unpublishableLines.get(line) && (allowInvalid || !invalidLines.get(line));
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
        BitSet unpublishable = new BitSet();
        Set<EntityKind> topics = EnumSet.noneOf(EntityKind.class);
        long[] lines = {0};
        ProblemReport report = new ProblemReport(problems);
        Path copy = createCopy();
        try {
            EventsFile copied = file.copyTo(copy, (number, line) -> {
                lines[0]++;
                LineVerdict verdict = contract.check(line);
                Optional<String> tooLarge = verdict.record().flatMap(sizeLimit::problem);
                List<String> lineProblems = new ArrayList<>(verdict.problems());
                tooLarge.ifPresent(lineProblems::add);
                boolean publishable = verdict.record().isPresent() && tooLarge.isEmpty();
                if (publishable) {
                    topics.add(verdict.record().get().topic());
                } else {
                    unpublishable.set(number);
                }
                if (!lineProblems.isEmpty()) {
                    invalid.set(number);
                    report.invalid(number, line, lineProblems, publishable);
                }
            });
            report.finish();
            return new Validation(copied, lines[0], invalid, unpublishable, topics);
        } catch (RuntimeException e) {
            deleteQuietly(copy, e);
            throw e;
        }
    }

    /**
     * Publishes the lines {@link #validate} read: the valid ones, and with {@code allowInvalid} the
     * invalid ones that are publishable records, and waits until the sink delivered them. Returns the
     * number of records accepted by the sink. When the sink fails, the failure tells the lines.
     */
    public long publish(Validation validation, EventSink sink, boolean allowInvalid) {
        ProgressBar progress = new ProgressBar("records", validation.lines(), 50_000);
        BitSet sentLines = new BitSet();
        long[] records = {0};
        try {
            validation.copy.forEachLine((number, line) -> {
                Optional<OutgoingRecord> record = contract.route(line);
                if (record.isPresent() && validation.publishes(number, allowInvalid)) {
                    sink.accept(record.get());
                    sentLines.set(number);
                    records[0]++;
                }
                progress.step();
            });
            sink.flush();
        } catch (RecordsNotAcknowledgedException e) {
            throw e.inLines(lineOf(e.progress(), sentLines, records[0]));
        } finally {
            progress.finish();
        }
        return records[0];
    }

    /** The line of the first record not acknowledged; the sink numbers its records over its life, from 0. */
    private static long lineOf(Acknowledgements.Progress progress, BitSet sentLines, long sentHere) {
        long index = progress.firstUnacknowledged() - (progress.handedOver() - sentHere);
        int line = sentLines.nextSetBit(0);
        for (long i = 0; i < index && line >= 0; i++) {
            line = sentLines.nextSetBit(line + 1);
        }
        return line >= 0 ? line : sentLines.length();
    }

    private static Path createCopy() {
        try {
            // owner-only permissions on POSIX file systems
            Path copy = Files.createTempFile("accountview-publish-", ".jsonl");
            // Validation.close() deletes it; this also when Ctrl-C or a SIGTERM ends the publish before that
            copy.toFile().deleteOnExit();
            return copy;
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
