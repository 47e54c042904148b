package com.accountview.tools.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files named on the command line, where {@code -} stands for standard input when a command reads
 * a file, as in most command-line tools ({@code ./-} is a file of that name). The stream is the one
 * {@link System} holds when asked for; closing what is opened on it leaves it open: it is the
 * process's, not the command's.
 */
public final class CommandLineFiles {

    private static final Path DASH = Path.of("-");

    private CommandLineFiles() {
    }

    /** Whether {@code file} is {@code -}: a standard stream, not a file. */
    public static boolean isStandardStream(Path file) {
        return DASH.equals(file);
    }

    /** Reads {@code file}, or standard input. */
    public static InputStream open(Path file) throws IOException {
        if (!isStandardStream(file)) {
            return Files.newInputStream(file);
        }
        return new FilterInputStream(System.in) {
            @Override
            public void close() {
                // standard input stays open
            }
        };
    }
}
