package com.accountview.tools.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The admin token of a local run's projector ({@code /actuator/rebuild}): made up once per data
 * directory and kept in its file {@code admin-token} (readable by its owner only), where
 * {@code ./accountview rebuild} finds it.
 */
public final class AdminToken {

    /** The file's name in the data directory. */
    public static final String FILE = "admin-token";

    private AdminToken() {
    }

    /** The data directory's token, made now if it has none. */
    public static String of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.writeString(createOwnerOnly(file), HexFormat.of().formatHex(random), StandardCharsets.UTF_8);
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the admin token in " + file, e);
        }
    }

    /**
     * Readable by its owner only from the start, where the file system has POSIX permissions: a chmod after the write
     * left the token readable by others for a moment, and failed where there are none (Windows).
     */
    private static Path createOwnerOnly(Path file) throws IOException {
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createFile(file);
    }

    /** The token a local run in this data directory gave its projector, if there was one. */
    public static Optional<String> find(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
