package com.accountview.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's temporary files stay in the data directory, beside its log, and none outlives the next start
 * (until 2026-12-07 they went to /tmp, and its Tomcat base directories piled up there).
 */
class ServiceProcessTest {

    @TempDir
    Path dataDir;

    @Test
    void aServiceGetsATemporaryDirectoryOfItsOwnBesideItsLogEmptiedAtEachStart() throws Exception {
        Path jar = probeJar();
        Path logs = Files.createDirectories(dataDir.resolve("logs"));
        Path expected = logs.resolve("probe.tmp").toAbsolutePath();

        assertThat(run(jar, List.of(), logs.resolve("probe.log"))).containsExactly("tmpdir " + expected, "found");
        // what the first start left: Tomcat's base directory, lz4-java's library
        Files.createDirectories(expected.resolve("tomcat.8080.1/work/Tomcat"));
        Files.writeString(expected.resolve("liblz4-java-1.so"), "a library");

        assertThat(run(jar, List.of(), logs.resolve("probe.log"))).containsExactly("tmpdir " + expected, "found");
    }

    @Test
    void aDirectoryInTheCallersJvmOptionsWins() throws Exception {
        Path chosen = Files.createDirectories(dataDir.resolve("chosen"));

        assertThat(run(probeJar(), List.of("-Djava.io.tmpdir=" + chosen), dataDir.resolve("probe.log")))
                .containsExactly("tmpdir " + chosen, "found");
    }

    /** The probe's lines: its java.io.tmpdir, the files it found there (one a line), then "found". */
    private static List<String> run(Path jar, List<String> jvmOptions, Path log) throws Exception {
        Files.deleteIfExists(log);
        ServiceProcess probe = ServiceProcess.start("probe", jar, Map.of(), jvmOptions, log);
        probe.onExit().get(60, TimeUnit.SECONDS);
        assertThat(probe.exitValue()).as(Files.readString(log)).isZero();
        return Files.readAllLines(log);
    }

    private Path probeJar() throws IOException {
        Path jar = dataDir.resolve("probe.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Probe.class.getName());
        String entry = Probe.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             var classFile = Probe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
        }
        return jar;
    }

    /** The service: says where its temporary directory is and what it holds; it writes nothing, so one in /tmp is harmless. */
    public static final class Probe {

        public static void main(String[] arguments) throws IOException {
            Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
            System.out.println("tmpdir " + temporary);
            try (Stream<Path> files = Files.list(temporary)) {
                files.forEach(System.out::println);
            }
            System.out.println("found");
        }
    }
}
