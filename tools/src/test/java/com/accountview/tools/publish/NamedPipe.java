package com.accountview.tools.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A named pipe (FIFO) that delivers its lines to the first reader only: whoever opens it a second
 * time waits forever for a writer. Proves that a file is read once.
 */
final class NamedPipe {

    private NamedPipe() {
    }

    /** Creates the pipe at {@code path} and a daemon thread that writes {@code lines} to its first reader. */
    static Path withLines(Path path, List<String> lines) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0) {
            throw new IOException("mkfifo " + path + " failed");
        }
        Thread writer = new Thread(() -> {
            try {
                // blocks until a reader opens the pipe
                Files.write(path, lines, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "named-pipe-writer");
        writer.setDaemon(true);
        writer.start();
        return path;
    }
}
