package com.accountview.query.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipFile;

/**
 * The real projector's executable jar, which the build copies to {@code target/projector.jar}
 * before the integration tests (see the pom; Failsafe passes its location as
 * {@code accountview.projector.jar}).
 */
public final class ProjectorJar {

    private ProjectorJar() {
    }

    public static Path path() {
        Path jar = Path.of(System.getProperty("accountview.projector.jar", "target/projector.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No projector jar at " + jar.toAbsolutePath()
                    + ": run the integration tests through Maven (verify), which copies it there");
        }
        return jar;
    }

    /**
     * Creates the read model in schema {@code accountview} as the projector's own first migration
     * does: generation 1 live, no accounts or contracts yet.
     */
    public static void createReadModel(Statement statement) throws SQLException {
        statement.execute("CREATE SCHEMA accountview; SET search_path = accountview");
        statement.execute(readModelMigration());
    }

    /** The projector's own first migration: the read-model schema exactly as the projector creates it. */
    private static String readModelMigration() {
        try (ZipFile zip = new ZipFile(path().toFile());
             InputStream sql = zip.getInputStream(zip.getEntry("BOOT-INF/classes/db/migration/V1__read_model.sql"))) {
            return new String(sql.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
