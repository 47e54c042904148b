package com.accountview.tools.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The services' executable jars as the build leaves them: {@code <module>/target/<module>-*.jar}. */
public record ServiceJars(Path projector, Path queryApi) {

    public static ServiceJars locate(Path projectDir) {
        return new ServiceJars(find(projectDir, "projector"), find(projectDir, "query-api"));
    }

    /** This tools jar, {@code tools/target/accountview-tools.jar}: to run one of its commands in a JVM of its own. */
    public static Path tools(Path projectDir) {
        Path jar = projectDir.resolve("tools").resolve("target").resolve("accountview-tools.jar");
        if (!Files.isRegularFile(jar)) {
            throw new LocalStackException("no tools jar at " + jar + ": build it first with ./mvnw -B package -DskipTests");
        }
        return jar;
    }

    private static Path find(Path projectDir, String module) {
        Path target = projectDir.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var newest = files.filter(file -> {
                    String name = file.getFileName().toString();
                    return name.startsWith(module + "-") && name.endsWith(".jar")
                            && !name.endsWith("-plain.jar") && !name.endsWith("-sources.jar") && !name.endsWith("-tests.jar");
                }).max(Comparator.comparing(ServiceJars::modified));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new LocalStackException("no " + module + " jar in " + target
                + ": build it first with ./mvnw -B package -DskipTests (./accountview run does)");
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
