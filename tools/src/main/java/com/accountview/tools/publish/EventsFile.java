package com.accountview.tools.publish;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An events file: JSON lines in UTF-8 ({@link Utf8Lines}: LF or CRLF line endings, an optional byte
 * order mark), one structured-mode CloudEvent or tombstone line per line, numbered from 1; blank
 * lines are skipped (their numbers still count).
 */
public record EventsFile(Path path) {

    /** Receives one non-blank line with its 1-based number. */
    @FunctionalInterface
    public interface LineHandler {
        void handle(int number, String line);
    }

    public void forEachLine(LineHandler handler) {
        read(handler, Writer.nullWriter());
    }

    /**
     * Reads the file once, handing each non-blank line to {@code handler} and writing every line
     * to {@code copy} (created or replaced), whose lines then have the same numbers.
     */
    public EventsFile copyTo(Path copy, LineHandler handler) {
        try (BufferedWriter writer = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
            read(handler, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + copy, e);
        }
        return new EventsFile(copy);
    }

    private void read(LineHandler handler, Writer copy) {
        try (InputStream in = Files.newInputStream(path)) {
            Utf8Lines lines = new Utf8Lines(in);
            for (String line = lines.next(); line != null; line = lines.next()) {
                copy.write(line);
                copy.write('\n');
                if (!line.isBlank()) {
                    handler.handle(lines.number(), line);
                }
            }
        } catch (IOException e) {
            throw new PublishFailedException("could not read " + path + ": " + e.getMessage(), e);
        }
    }
}
