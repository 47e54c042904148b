package com.accountview.tools.publish;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An events file: JSON lines, one structured-mode CloudEvent or tombstone line per line, numbered
 * from 1; blank lines are skipped (their numbers still count).
 */
public record EventsFile(Path path) {

    /** Receives one non-blank line with its 1-based number. */
    @FunctionalInterface
    public interface LineHandler {
        void handle(int number, String line);
    }

    public void forEachLine(LineHandler handler) {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank()) {
                    handler.handle(number, line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path, e);
        }
    }
}
