package com.accountview.tools.publish;

import java.io.PrintWriter;
import java.util.BitSet;
import java.util.Optional;

import com.accountview.tools.contract.EventContract;
import com.accountview.tools.contract.LineVerdict;
import com.accountview.tools.contract.OutgoingRecord;

/**
 * Validates a whole events file against the contract, then publishes it: nothing is published
 * from a file with an invalid line unless invalid lines are allowed, in which case the invalid
 * lines that name their topic are published as they are (to exercise consumers' dead-lettering).
 * Problems are reported as {@code line N: <what is wrong>}. Not thread-safe.
 */
public final class EventFilePublisher {

    private final EventContract contract;
    private final PrintWriter problems;

    public EventFilePublisher(EventContract contract, PrintWriter problems) {
        this.contract = contract;
        this.problems = problems;
    }

    /** What one validation pass found. */
    public record Validation(long lines, BitSet invalidLines) {
        public long invalid() {
            return invalidLines.cardinality();
        }
    }

    public Validation validate(EventsFile file) {
        BitSet invalid = new BitSet();
        long[] lines = {0};
        file.forEachLine((number, line) -> {
            lines[0]++;
            LineVerdict verdict = contract.check(line);
            if (!verdict.valid()) {
                invalid.set(number);
                problems.println("line " + number + ": " + String.join("; ", verdict.problems())
                        + (verdict.record().isEmpty() ? " (names no topic: never published)" : ""));
            }
        });
        problems.flush();
        return new Validation(lines[0], invalid);
    }

    /**
     * Publishes a file that {@link #validate} checked: its valid lines, and with {@code allowInvalid}
     * its invalid lines that name their topic. Returns the number of records accepted by the sink.
     */
    public long publish(EventsFile file, Validation validation, EventSink sink, boolean allowInvalid) {
        ProgressBar progress = new ProgressBar("records", validation.lines(), 50_000);
        long[] records = {0};
        file.forEachLine((number, line) -> {
            Optional<OutgoingRecord> record = contract.route(line);
            if (record.isPresent() && (allowInvalid || !validation.invalidLines().get(number))) {
                sink.accept(record.get());
                records[0]++;
            }
            progress.step();
        });
        progress.finish();
        return records[0];
    }
}
