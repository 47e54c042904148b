package com.accountview.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query-api's AOT cache made from the built jar by a real Java 25+ (the first one found under
 * {@code /usr/lib/jvm} or in {@code ACCOUNTVIEW_JAVA25_HOME}; skipped without one), and proved usable by
 * a JVM that refuses to start without it ({@code -XX:AOTMode=on}).
 */
class AotCacheIT {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    private JavaRuntime java;

    @TempDir
    Path directory;

    @BeforeEach
    void findJava25() throws IOException {
        Optional<JavaRuntime> found = Java25.find();
        assumeTrue(found.isPresent(), "no Java 25 or later on this machine");
        java = found.get();
    }

    @Test
    void theCacheIsMadeOnceFromTheJarAndStartsTheQueryApi() throws Exception {
        Path jar = Files.copy(ServiceJars.locate(PROJECT).queryApi(), directory.resolve("query-api.jar"));
        Path cacheDirectory = directory.resolve("aot-cache");
        StringWriter said = new StringWriter();
        Console console = new Console(new PrintWriter(said, true));

        JarLaunch launch = prepare(jar, cacheDirectory, console);

        assertThat(launch.jar()).isEqualTo(cacheDirectory.resolve("application.jar").toAbsolutePath());
        assertThat(launch.jvmOptions()).containsExactly("-Xmx256m",
                "-XX:AOTCache=" + cacheDirectory.resolve("application.aot").toAbsolutePath());
        assertThat(said.toString()).contains("making the query-api's AOT cache");
        // the training run's Tomcat made its base directory beside the run's log, not in /tmp
        assertThat(directory.resolve("query-api-aot-training.tmp").toFile().list())
                .anySatisfy(file -> assertThat(file).startsWith("tomcat."));
        assertThat(startsOnlyFromTheCache(launch)).isZero();

        FileTime made = Files.getLastModifiedTime(cacheDirectory.resolve("application.aot"));
        said.getBuffer().setLength(0);
        assertThat(prepare(jar, cacheDirectory, console)).isEqualTo(launch);
        assertThat(said.toString()).isEmpty();
        assertThat(Files.getLastModifiedTime(cacheDirectory.resolve("application.aot"))).isEqualTo(made);
    }

    @Test
    void aRebuiltJarGetsANewCache() throws Exception {
        Path jar = Files.copy(ServiceJars.locate(PROJECT).queryApi(), directory.resolve("query-api.jar"));
        Path cacheDirectory = directory.resolve("aot-cache");
        Console console = new Console(new PrintWriter(new StringWriter(), true));
        prepare(jar, cacheDirectory, console);
        String firstSource = Files.readString(cacheDirectory.resolve("source.txt"));

        Files.copy(ServiceJars.locate(PROJECT).queryApi(), jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        JarLaunch launch = prepare(jar, cacheDirectory, console);

        assertThat(Files.readString(cacheDirectory.resolve("source.txt"))).isNotEqualTo(firstSource)
                .isEqualTo(AotCache.sourceOf(jar));
        assertThat(startsOnlyFromTheCache(launch)).isZero();
    }

    @Test
    void aTrainingRunThatWritesNoCacheFailsAlsoWhereTheLastJarsCacheLies() throws Exception {
        Path jar = Files.copy(ServiceJars.locate(PROJECT).queryApi(), directory.resolve("query-api.jar"));
        Path cacheDirectory = Files.createDirectories(directory.resolve("aot-cache"));
        Path lastCache = Files.writeString(cacheDirectory.resolve("application.aot"), "the last jar's cache");
        List<String> trainedWith = new ArrayList<>();

        assertThatThrownBy(() -> AotCache.prepare(java, "query-api", jar, AotCache.Layout.EXTRACTED, cacheDirectory,
                List.of("-Xmx256m"), directory.resolve("training.log"), (runtime, options, application, log) -> {
                    trainedWith.addAll(options);
                    trainedWith.add(application.toString());
                }, new Console(new PrintWriter(new StringWriter(), true))))
                .isInstanceOf(LocalStackException.class).hasMessageContaining("made no AOT cache");
        assertThat(trainedWith).containsExactly("-Xmx256m", "-XX:AOTCacheOutput=" + lastCache.toAbsolutePath(),
                cacheDirectory.resolve("application.jar").toAbsolutePath().toString());
        assertThat(cacheDirectory.resolve("source.txt")).doesNotExist();
    }

    private JarLaunch prepare(Path jar, Path cacheDirectory, Console console) throws Exception {
        return AotCache.prepare(java, "query-api", jar, AotCache.Layout.EXTRACTED, cacheDirectory, List.of("-Xmx256m"),
                directory.resolve("training.log"), AotCache.START_AND_EXIT, console);
    }

    /** The exit code of the query-api started from {@code launch} up to its context's refresh; the JVM fails if it cannot map the cache. */
    private int startsOnlyFromTheCache(JarLaunch launch) throws Exception {
        List<String> command = new ArrayList<>(List.of(java.executable()));
        command.addAll(launch.jvmOptions());
        // not /tmp, where its Tomcat's base directory would stay; another than the training run's, as in a launcher's run
        Path temporary = Files.createDirectories(directory.resolve("start.tmp"));
        command.addAll(List.of("-XX:AOTMode=on", "-Dspring.context.exit=onRefresh", "-Djava.io.tmpdir=" + temporary,
                "-jar", launch.jar().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(directory.resolve("start.log").toFile())).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("started within 3 minutes").isTrue();
        return process.exitValue();
    }
}
