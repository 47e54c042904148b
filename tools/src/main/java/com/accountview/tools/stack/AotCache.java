package com.accountview.tools.stack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a service from a JVM AOT cache when the services' Java (this JVM's) is 25 or newer, with a cache
 * made by a training run (JEP 483, 514, 515: the classes the run loaded and linked, and the profiles of
 * the methods it ran, read from the cache instead of from the jars and instead of being gathered
 * again). The query-api runs from Spring Boot's extracted layout with a cache trained on its start-up
 * (as its container image, query-api/Dockerfile); the projector from its executable jar with a cache
 * trained on a projection ({@link ProjectorTraining}), so that its compilers start a projection with
 * the JDK's profiles of one (docs/operations.md). The cache is made once per jar, in a directory of
 * its own, and made again when the jar changes. Older JVMs, and JVM options that already say how to
 * use an AOT cache ({@code -XX:AOTMode=off}, {@code -XX:AOTCache=...}), run the jar as it is. Not
 * thread-safe: one launcher per directory.
 */
public final class AotCache {

    /** The first Java whose AOT cache is made in one training run ({@code -XX:AOTCacheOutput}, JEP 514). */
    static final int FIRST_JAVA = 25;
    private static final String APPLICATION = "application.jar";
    private static final String CACHE = "application.aot";
    private static final String SOURCE = "source.txt";
    private static final long TRAINING_MINUTES = 5;

    /** Where a service's JVM loads its classes from, in the training run and after it. */
    enum Layout {
        /**
         * Spring Boot's extracted layout (a plain class path): the cache covers the application's own
         * classes too. The query-api's, as its image runs it.
         */
        EXTRACTED,
        /**
         * The executable jar as built: the classes in its nested jars are loaded by Spring Boot's own
         * class loader, which the cache does not cover; it holds the JDK's classes and their profiles.
         * The projector's: it measured faster this way than extracted (docs/performance.md).
         */
        EXECUTABLE_JAR
    }

    /** What a training run does with the service: runs it from {@code application} until its JVM has exited. */
    @FunctionalInterface
    interface Training {

        /**
         * Runs {@code java} with {@code jvmOptions} (among them the cache's output) and {@code -jar
         * application} until the JVM has exited, having written the cache; its output goes to {@code log}.
         */
        void run(JavaRuntime java, List<String> jvmOptions, Path application, Path log) throws Exception;
    }

    /**
     * The query-api's training: the application context starts, and the JVM exits (Spring Boot's documented way).
     * A {@link ServiceProcess}, as the query-api's own start: its Tomcat's base directory goes to a temporary
     * directory of its own, not to /tmp, where it stayed.
     */
    static final Training START_AND_EXIT = (java, jvmOptions, application, log) -> {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dspring.context.exit=onRefresh");
        ServiceProcess training = ServiceProcess.start(java, "query-api-aot-training", application, Map.of(), options,
                List.of(), log);
        await(training.process(), java.executable() + " " + String.join(" ", options) + " -jar " + application, log);
    };

    private AotCache() {
    }

    /** Whether the services' JVM (this one) with {@code jvmOptions} runs the services from AOT caches. */
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
            throws Exception {
        return prepare(JavaRuntime.current(), "query-api", jar, Layout.EXTRACTED, dataDir.resolve("aot-cache").resolve("query-api"),
                jvmOptions, logs.resolve("query-api-aot-training.log"), START_AND_EXIT, console);
    }

    /**
     * The projector's launch: its cache in {@code <dataDir>/aot-cache/projector}, made by {@code training}
     * (its output in {@code <logs>/projector-aot-training.log}).
     */
    public static JarLaunch forProjector(Path jar, Path dataDir, Path logs, List<String> jvmOptions,
                                         ProjectorTraining training, Console console) throws Exception {
        return prepare(JavaRuntime.current(), "projector", jar, Layout.EXECUTABLE_JAR,
                dataDir.resolve("aot-cache").resolve("projector"), jvmOptions, logs.resolve("projector-aot-training.log"), training,
                console);
    }

    /**
     * The launch of {@code executableJar} on {@code java}: in {@code layout} with the cache in {@code directory} where it
     * {@link #applies}, made first by {@code training} if it is missing or was made from another jar (the training run's
     * output goes to {@code trainingLog}); otherwise the jar as it is.
     *
     * @throws LocalStackException when the extraction or the training run fails
     */
    static JarLaunch prepare(JavaRuntime java, String name, Path executableJar, Layout layout, Path directory,
                             List<String> jvmOptions, Path trainingLog, Training training, Console console) throws Exception {
        if (!applies(java.feature(), jvmOptions)) {
            return new JarLaunch(executableJar, jvmOptions);
        }
        Path application = layout == Layout.EXTRACTED ? directory.resolve(APPLICATION).toAbsolutePath()
                : executableJar.toAbsolutePath();
        Path cache = directory.resolve(CACHE).toAbsolutePath();
        String source = sourceOf(executableJar);
        Path stamp = directory.resolve(SOURCE);
        if (!Files.isRegularFile(cache) || !Files.isRegularFile(stamp) || !Files.readString(stamp).equals(source)) {
            console.say("making the " + name + "'s AOT cache in " + directory + " (Java " + java.feature()
                    + ": a training run, once per build, of 15 s to two minutes; log: " + trainingLog + ")");
            Files.createDirectories(directory);
            Files.deleteIfExists(stamp);
            // else a failed training run would leave the last jar's cache to be taken for its own
            Files.deleteIfExists(cache);
            if (layout == Layout.EXTRACTED) {
                run(trainingLog, List.of(java.executable(), "-Djarmode=tools", "-jar", executableJar.toAbsolutePath().toString(),
                        "extract", "--force", "--destination", directory.toAbsolutePath().toString(),
                        "--application-filename", APPLICATION));
            }
            List<String> trainingOptions = new ArrayList<>(jvmOptions);
            // the cache is only used with the class path it was made with: the same absolute jar path
            trainingOptions.add("-XX:AOTCacheOutput=" + cache);
            training.run(java, trainingOptions, application, trainingLog);
            if (!Files.isRegularFile(cache)) {
                throw new LocalStackException("the training run made no AOT cache at " + cache + ": see " + trainingLog);
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
        await(process, String.join(" ", command), log);
    }

    /** Waits until {@code process} has exited with 0; ends it forcibly after {@value #TRAINING_MINUTES} minutes. */
    private static void await(Process process, String what, Path log) throws InterruptedException {
        if (!process.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new LocalStackException("did not finish in " + TRAINING_MINUTES + " minutes: " + what + ": see " + log);
        }
        if (process.exitValue() != 0) {
            throw new LocalStackException("exit code " + process.exitValue() + " from " + what + ": see " + log);
        }
    }
}
