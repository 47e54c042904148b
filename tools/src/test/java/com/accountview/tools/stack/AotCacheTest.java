package com.accountview.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

    @TempDir
    Path directory;

    @Test
    void javaTwentyFiveAndLaterRunTheQueryApiFromACache() {
        assertThat(AotCache.applies(25, List.of("-Xmx512m"))).isTrue();
        assertThat(AotCache.applies(26, List.of())).isTrue();
    }

    @Test
    void olderJavaRunsTheJarAsItIs() {
        assertThat(AotCache.applies(17, List.of("-Xmx512m"))).isFalse();
        assertThat(AotCache.applies(24, List.of())).isFalse();
    }

    @Test
    void optionsThatAlreadySayHowToUseACacheAreLeftAlone() {
        assertThat(AotCache.applies(25, List.of("-Xmx512m", "-XX:AOTMode=off"))).isFalse();
        assertThat(AotCache.applies(25, List.of("-XX:AOTCache=/elsewhere/app.aot"))).isFalse();
    }

    @Test
    void withoutACacheNothingIsExtractedOrTrained() throws Exception {
        Path jar = Files.writeString(directory.resolve("query-api-1.jar"), "not run");
        Path cacheDirectory = directory.resolve("cache");
        StringWriter said = new StringWriter();

        JarLaunch launch = AotCache.prepare(new JavaRuntime(directory.resolve("no-such-java"), 17), "query-api",
                jar, AotCache.Layout.EXTRACTED, cacheDirectory, List.of("-Xmx512m"), directory.resolve("training.log"),
                (java, options, application, log) -> {
                    throw new AssertionError("trained on Java 17");
                }, new Console(new PrintWriter(said)));

        assertThat(launch).isEqualTo(new JarLaunch(jar, List.of("-Xmx512m")));
        assertThat(cacheDirectory).doesNotExist();
        assertThat(said.toString()).isEmpty();
    }

    @Test
    void aRebuiltJarHasAnotherSource() throws IOException {
        Path jar = Files.writeString(directory.resolve("query-api-1.jar"), "first build");
        String first = AotCache.sourceOf(jar);

        Files.writeString(jar, "the second build");

        assertThat(AotCache.sourceOf(jar)).isNotEqualTo(first).startsWith(jar.toAbsolutePath().toString());
    }
}
