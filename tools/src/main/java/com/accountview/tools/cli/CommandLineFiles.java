package com.accountview.tools.cli;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files named on the command line, where {@code -} stands for standard input when a command reads
 * a file and for standard output when it writes one, as in most command-line tools ({@code ./-} is a
 * file of that name). The streams are those {@link System} holds when asked for; closing what is
 * opened on them leaves them open: they are the process's, not the command's.
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

    /**
     * Writes {@code file} (its directory made if missing), or standard output, in UTF-8 either way:
     * what the commands write is read back as UTF-8, whatever the terminal's encoding.
     */
    public static BufferedWriter create(Path file) throws IOException {
        if (!isStandardStream(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }
        return new BufferedWriter(new OutputStreamWriter(standardOutput(), StandardCharsets.UTF_8));
    }

    /**
     * Standard output, which unlike {@link System#out} tells when a write failed: once a reader such
     * as {@code head} has closed the pipe, writing on would only waste the rest of the run.
     */
    private static OutputStream standardOutput() {
        PrintStream out = System.out;
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                failIfClosed();
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                failIfClosed();
            }

            @Override
            public void flush() throws IOException {
                failIfClosed(); // flushes
            }

            @Override
            public void close() throws IOException {
                flush(); // standard output stays open
            }

            private void failIfClosed() throws IOException {
                if (out.checkError()) {
                    throw new IOException("standard output is closed");
                }
            }
        };
    }
}
