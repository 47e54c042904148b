package com.accountview.tools.publish;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.accountview.tools.cli.CommandLineFiles;
import com.accountview.tools.contract.OutgoingRecord;
import com.accountview.tools.contract.TombstoneLine;

/**
 * Writes records as an events file that {@code publish} reads back; the file {@code -} is standard
 * output ({@link CommandLineFiles}). Not thread-safe.
 */
public final class FileSink implements EventSink {

    /** The file, or standard output, as messages name it. */
    private final String name;
    private final BufferedWriter writer;

    public FileSink(Path path) {
        this.name = CommandLineFiles.isStandardStream(path) ? "standard output" : path.toString();
        try {
            this.writer = CommandLineFiles.create(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + name, e);
        }
    }

    @Override
    public void accept(OutgoingRecord record) {
        String line = record.isTombstone() ? TombstoneLine.format(record.topic(), record.key()) : record.value();
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + name, e);
        }
    }
}
