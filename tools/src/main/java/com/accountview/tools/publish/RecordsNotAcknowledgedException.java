package com.accountview.tools.publish;

/**
 * Kafka did not accept a record, and the records handed over until then were settled: the message
 * tells how many were acknowledged and from which record on none is known to be published, so that
 * a rerun can start there. Records are numbered from 1 in the order they were handed over.
 */
public final class RecordsNotAcknowledgedException extends PublishFailedException {

    private final String reason;
    private final Acknowledgements.Progress progress;

    RecordsNotAcknowledgedException(Exception failure, Acknowledgements.Progress progress) {
        this(failure.getMessage(), progress, "record", progress.firstUnacknowledged() + 1, failure);
    }

    private RecordsNotAcknowledgedException(String reason, Acknowledgements.Progress progress, String unit,
                                            long firstUnacknowledged, Throwable cause) {
        super(String.format("Kafka did not accept a record: %s (acknowledged: %,d of the %,d records sent, all those "
                        + "before %s %d; from %s %d on, a %s is not known to be published)", reason,
                progress.acknowledged(), progress.handedOver(), unit, firstUnacknowledged, unit, firstUnacknowledged, unit),
                cause);
        this.reason = reason;
        this.progress = progress;
    }

    Acknowledgements.Progress progress() {
        return progress;
    }

    /** The same failure told in lines of a file: {@code line} is the line of the first record not acknowledged. */
    RecordsNotAcknowledgedException inLines(long line) {
        return new RecordsNotAcknowledgedException(reason, progress, "line", line, getCause());
    }
}
