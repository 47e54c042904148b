package com.accountview.tools.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The data directory of a local run, claimed by one launcher at a time. The launcher writes a
 * marker file into every data directory it uses, and uses or resets only a directory that does not
 * exist yet, is empty, or carries that marker: a {@code --data-dir} naming anything else (the
 * checkout, a home directory) is refused and nothing in it is touched. While it runs, the launcher
 * holds a lock on the marker, so a second launcher on the same directory is refused instead of
 * taking the first one's processes for leftovers; the operating system releases the lock when the
 * launcher exits, even when it is killed. Not thread-safe.
 */
final class DataDirectory implements AutoCloseable {

    static final String MARKER = ".accountview-run";
    private static final String MARKER_TEXT = "The data directory of ./accountview run: PostgreSQL, Kafka, logs, demo files.\n"
            + "./accountview run --reset deletes everything in this directory but this file.\n";

    private final Path directory;
    private final FileChannel marker;

    private DataDirectory(Path directory, FileChannel marker) {
        this.directory = directory;
        this.marker = marker;
    }

    /** Creates or checks {@code directory}, marks it as the launcher's and locks it for this process. */
    static DataDirectory claim(Path directory) throws IOException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new LocalRunException(directory + " is not a directory: choose another --data-dir");
        }
        Path marker = directory.resolve(MARKER);
        if (Files.isDirectory(directory) && !Files.exists(marker) && !isEmpty(directory)) {
            throw new LocalRunException(directory + " is not empty and is not a data directory of ./accountview run (it has no "
                    + MARKER + " file), so it is neither used nor reset: nothing in it was changed. Choose a new or "
                    + "empty directory with --data-dir. If it is the data directory of an earlier version of the "
                    + "launcher, delete it yourself, or create an empty " + MARKER + " file in it to keep its data.");
        }
        Files.createDirectories(directory);
        FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (lock(channel) == null) {
                throw new LocalRunException("another ./accountview run is using " + directory
                        + ": stop it first, or choose another --data-dir");
            }
            channel.truncate(0).write(ByteBuffer.wrap(MARKER_TEXT.getBytes(StandardCharsets.UTF_8)));
            return new DataDirectory(directory, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path path() {
        return directory;
    }

    /** Deletes everything in the directory except the marker (whose lock this launcher keeps). */
    void reset() throws IOException {
        // the real path: a --data-dir that is a symbolic link is reset where it points, the link stays
        Path root = directory.toRealPath();
        Path marker = root.resolve(MARKER);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!file.equals(marker)) {
                    Files.delete(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                if (!dir.equals(root)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
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
