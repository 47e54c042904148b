package com.accountview.tools.publish;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.accountview.tools.cli.CommandLineFiles;

/**
 * An events file: JSON lines in UTF-8 ({@link Utf8Lines}: LF or CRLF line endings, an optional byte
 * order mark), one structured-mode CloudEvent or tombstone line per line, numbered from 1; blank
 * lines are skipped (their numbers still count). The file {@code -} is standard input
 * ({@link CommandLineFiles}).
 */
public record EventsFile(Path path) {

    /** Receives one non-blank line with its 1-based number. */
    @FunctionalInterface
    public interface LineHandler {
        void handle(int number, String line);
    }

    /** Whether the lines come from standard input, which is there to be read, never missing. */
    public boolean readsStandardInput() {
        return CommandLineFiles.isStandardStream(path);
    }

    public void forEachLine(LineHandler handler) {
        read(handler, line -> { });
    }

    /**
     * Reads the file once, handing each non-blank line to {@code handler} and writing every line
     * to {@code copy} (created or replaced), whose lines then have the same numbers.
     */
    public EventsFile copyTo(Path copy, LineHandler handler) {
        try (BufferedWriter writer = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
            read(handler, line -> {
                try {
                    writer.write(line);
                    writer.write('\n');
                } catch (IOException e) {
                    throw couldNotWrite(copy, e);
                }
            });
        } catch (IOException e) {
            throw couldNotWrite(copy, e);
        }
        return new EventsFile(copy);
    }

    /** Apart from a failure to read: a full disk under the copy is no fault of the file being read. */
    private static PublishFailedException couldNotWrite(Path copy, IOException e) {
        return new PublishFailedException("could not write " + copy + " (the copy of the events file): " + e.getMessage(), e);
    }

    private void read(LineHandler handler, Consumer<String> copy) {
        try (InputStream in = CommandLineFiles.open(path)) {
            Utf8Lines lines = new Utf8Lines(in);
            for (String line = lines.next(); line != null; line = lines.next()) {
                copy.accept(line);
                if (!line.isBlank()) {
                    handler.handle(lines.number(), line);
                }
            }
        } catch (IOException e) {
            throw new PublishFailedException("could not read " + (readsStandardInput() ? "standard input" : path)
                    + ": " + e.getMessage(), e);
        }
    }
}
