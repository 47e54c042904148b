package com.accountview.tools.stack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Predicate;

/**
 * Deletes what a directory holds, all the way down, without following symbolic links: a link is
 * deleted, never what it points to. Stateless.
 */
final class DirectoryContents {

    private DirectoryContents() {
    }

    /**
     * Deletes everything under {@code root} but the files {@code kept} accepts; {@code root} itself
     * stays (if it is a link, the link is deleted).
     */
    static void delete(Path root, Predicate<Path> kept) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!kept.test(file)) {
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
}
