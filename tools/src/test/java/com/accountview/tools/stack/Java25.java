package com.accountview.tools.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** A Java 25 or later for the AOT cache tests: {@code ACCOUNTVIEW_JAVA25_HOME}, else the first under {@code /usr/lib/jvm}. */
final class Java25 {

    private Java25() {
    }

    static Optional<JavaRuntime> find() throws IOException {
        String configured = System.getenv("ACCOUNTVIEW_JAVA25_HOME");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(new JavaRuntime(Path.of(configured), AotCache.FIRST_JAVA));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
                    .flatMap(home -> featureOf(home).filter(feature -> feature >= AotCache.FIRST_JAVA)
                            .map(feature -> new JavaRuntime(home, feature)).stream())
                    .findFirst();
        }
    }

    /** The {@code JAVA_VERSION} of the installation's {@code release} file: "25.0.3" is 25. */
    private static Optional<Integer> featureOf(Path home) {
        try {
            return Files.readAllLines(home.resolve("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "").split("\\.")[0])
                    .map(Integer::valueOf)
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
