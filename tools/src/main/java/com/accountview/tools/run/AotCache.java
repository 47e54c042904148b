package com.accountview.tools.run;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a service as its container image does (query-api/Dockerfile) when the services' Java (this
 * JVM's) is 25 or newer: from Spring Boot's extracted layout, with a JVM AOT cache made by a training
 * run that starts the application context and exits (JEP 483, 514: the classes the start-up loads
 * and links, read from the cache instead of from the jars). The query-api answers several seconds
 * sooner with it and its first minute runs faster (docs/operations.md). The extraction and the
 * cache are made once per jar, in a directory of their own, and made again when the jar changes.
 * Older JVMs, and JVM options that already say how to use an AOT cache ({@code -XX:AOTMode=off},
 * {@code -XX:AOTCache=...}), run the jar as it is. Not thread-safe: one launcher per directory.
 */
public final class AotCache {

    /** The first Java whose AOT cache is made in one training run ({@code -XX:AOTCacheOutput}, JEP 514). */
    static final int FIRST_JAVA = 25;
    private static final String APPLICATION = "application.jar";
    private static final String CACHE = "application.aot";
    private static final String SOURCE = "source.txt";
    private static final long TRAINING_MINUTES = 5;

    private AotCache() {
    }

    /** Whether the services' JVM (this one) with {@code jvmOptions} runs the query-api from an AOT cache. */
    public static boolean usedWith(List<String> jvmOptions) {
        return applies(JavaRuntime.current().feature(), jvmOptions);
    }

    /** Whether {@link #prepare} makes a cache for a JVM of {@code javaFeature} given {@code jvmOptions}. */
    static boolean applies(int javaFeature, List<String> jvmOptions) {
        return javaFeature >= FIRST_JAVA
                && jvmOptions.stream().noneMatch(option -> option.startsWith("-XX:AOTMode") || option.startsWith("-XX:AOTCache"));
    }

    /**
     * The query-api's launch: its cache in {@code <dataDir>/aot-cache/query-api}, the training run's
     * output in {@code <logs>/query-api-aot-training.log}.
     */
    public static JarLaunch forQueryApi(Path jar, Path dataDir, Path logs, List<String> jvmOptions, Console console)
            throws IOException, InterruptedException {
        return prepare(JavaRuntime.current(), "query-api", jar, dataDir.resolve("aot-cache").resolve("query-api"), jvmOptions,
                logs.resolve("query-api-aot-training.log"), console);
    }

    /**
     * The launch of {@code executableJar} on {@code java}: with the cache in {@code directory} where it {@link #applies},
     * made first if it is missing or was made from another jar (the training run's output goes to
     * {@code trainingLog}); otherwise the jar as it is.
     *
     * @throws LocalRunException when the extraction or the training run fails
     */
    static JarLaunch prepare(JavaRuntime java, String name, Path executableJar, Path directory, List<String> jvmOptions,
                          Path trainingLog, Console console) throws IOException, InterruptedException {
        if (!applies(java.feature(), jvmOptions)) {
            return new JarLaunch(executableJar, jvmOptions);
        }
        Path application = directory.resolve(APPLICATION).toAbsolutePath();
        Path cache = directory.resolve(CACHE).toAbsolutePath();
        String source = sourceOf(executableJar);
        Path stamp = directory.resolve(SOURCE);
        if (!Files.isRegularFile(cache) || !Files.isRegularFile(stamp) || !Files.readString(stamp).equals(source)) {
            console.say("making the " + name + "'s AOT cache in " + directory + " (Java " + java.feature()
                    + ": a training run, once per build, of 15 s to a minute; log: " + trainingLog + ")");
            Files.createDirectories(directory);
            Files.deleteIfExists(stamp);
            run(trainingLog, List.of(java.executable(), "-Djarmode=tools", "-jar", executableJar.toAbsolutePath().toString(),
                    "extract", "--force", "--destination", directory.toAbsolutePath().toString(),
                    "--application-filename", APPLICATION));
            List<String> training = new ArrayList<>(List.of(java.executable()));
            training.addAll(jvmOptions);
            // the cache is only used with the class path it was made with: the same absolute jar path
            training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh",
                    "-jar", application.toString()));
            run(trainingLog, training);
            if (!Files.isRegularFile(cache)) {
                throw new LocalRunException("the training run made no AOT cache at " + cache + ": see " + trainingLog);
            }
            // written last: a directory without it is made again
            Files.writeString(stamp, source);
        }
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-XX:AOTCache=" + cache);
        return new JarLaunch(application, options);
    }

    /** The jar's path, size and time: a rebuilt jar differs in one of them. */
    static String sourceOf(Path jar) throws IOException {
        return jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    }

    private static void run(Path log, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new LocalRunException("did not finish in " + TRAINING_MINUTES + " minutes: " + String.join(" ", command)
                    + ": see " + log);
        }
        if (process.exitValue() != 0) {
            throw new LocalRunException("exit code " + process.exitValue() + " from " + String.join(" ", command)
                    + ": see " + log);
        }
    }
}
