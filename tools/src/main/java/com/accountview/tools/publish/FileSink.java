package com.accountview.tools.publish;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.accountview.tools.contract.OutgoingRecord;
import com.accountview.tools.contract.TombstoneLine;

/** Writes records as an events file that {@code publish} reads back. Not thread-safe. */
public final class FileSink implements EventSink {

    private final Path path;
    private final BufferedWriter writer;

    public FileSink(Path path) {
        this.path = path;
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + path, e);
        }
    }

    @Override
    public void accept(OutgoingRecord record) {
        String line = record.isTombstone() ? TombstoneLine.format(record.topic(), record.key()) : record.value();
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + path, e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + path, e);
        }
    }
}
