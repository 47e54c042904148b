package com.accountview.tools.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The data directory of a local run (or of a benchmark), claimed by one launcher at a time. The launcher writes a
 * marker file into every data directory it uses, and uses or resets only a directory that does not
 * exist yet, is empty, or carries that marker: a {@code --data-dir} naming anything else (the
 * checkout, a home directory) is refused and nothing in it is touched. While it runs, the launcher
 * holds a lock on the marker, so a second launcher on the same directory is refused instead of
 * taking the first one's processes for leftovers; the operating system releases the lock when the
 * launcher exits, even when it is killed. Not thread-safe.
 */
public final class DataDirectory implements AutoCloseable {

    public static final String MARKER = ".accountview-run";
    static final String RUN = "./accountview run";

    private final Path directory;
    private final FileChannel marker;

    private DataDirectory(Path directory, FileChannel marker) {
        this.directory = directory;
        this.marker = marker;
    }

    /** {@link #claim(Path, String)} for {@code ./accountview run}. */
    public static DataDirectory claim(Path directory) throws IOException {
        return claim(directory, RUN);
    }

    /**
     * Creates or checks {@code directory}, marks it as the launcher's and locks it for this process.
     *
     * @param command the command that uses it, as the user types it ({@code ./accountview run}): messages name it
     */
    public static DataDirectory claim(Path directory, String command) throws IOException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new LocalStackException(directory + " is not a directory: choose another --data-dir");
        }
        Path marker = directory.resolve(MARKER);
        if (Files.isDirectory(directory) && !Files.exists(marker) && !isEmpty(directory)) {
            throw new LocalStackException(directory + " is not empty and is not a data directory of " + command + " (it has no "
                    + MARKER + " file), so it is neither used nor reset: nothing in it was changed. Choose a new or "
                    + "empty directory with --data-dir. If it is the data directory of an earlier version of the "
                    + "launcher, delete it yourself, or create an empty " + MARKER + " file in it to keep its data.");
        }
        Files.createDirectories(directory);
        FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (lock(channel) == null) {
                throw new LocalStackException("another " + command + " is using " + directory
                        + ": stop it first, or choose another --data-dir");
            }
            String text = "The data directory of " + command + ": PostgreSQL, Kafka, logs and its own files.\n"
                    + command + " deletes everything in this directory but this file only when told to (--reset) "
                    + "or, for a benchmark, at every start.\n";
            channel.truncate(0).write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            return new DataDirectory(directory, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return directory;
    }

    /** Deletes everything in the directory except the marker (whose lock this launcher keeps). */
    public void reset() throws IOException {
        // the real path: a --data-dir that is a symbolic link is reset where it points, the link stays
        Path root = directory.toRealPath();
        DirectoryContents.delete(root, root.resolve(MARKER)::equals);
    }

    /** Releases the lock; the marker stays. The launcher never does: the lock lasts as long as its process. */
    @Override
    public void close() throws IOException {
        marker.close();
    }

    private static FileLock lock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this JVM holds it already
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
