package com.accountview.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void aNewDirectoryIsCreatedAndMarked() throws IOException {
        Path directory = temp.resolve("a").resolve("data");

        try (DataDirectory ignored = DataDirectory.claim(directory)) {
            assertThat(directory.resolve(DataDirectory.MARKER)).isRegularFile();
        }
    }

    @Test
    void anEmptyDirectoryIsMarkedAndAMarkedOneIsUsedAgainWithItsData() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("data"));
        try (DataDirectory ignored = DataDirectory.claim(directory)) {
            Files.writeString(directory.resolve("kept.txt"), "data");
        }

        try (DataDirectory again = DataDirectory.claim(directory)) {
            assertThat(directory.resolve("kept.txt")).hasContent("data");
        }
    }

    @Test
    void resetDeletesEverythingButTheMarkerAndNothingBehindASymbolicLink() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("precious.txt"), "keep me");
        Path directory = temp.resolve("data");
        try (DataDirectory data = DataDirectory.claim(directory)) {
            Files.createDirectories(directory.resolve("postgres").resolve("base"));
            Files.writeString(directory.resolve("postgres").resolve("base").resolve("1"), "rows");
            Files.writeString(directory.resolve("services.pid"), "projector 1 x.jar");
            Files.createSymbolicLink(directory.resolve("link"), outside);

            data.reset();

            try (Stream<Path> left = Files.list(directory)) {
                assertThat(left).containsExactly(directory.resolve(DataDirectory.MARKER));
            }
            assertThat(outside.resolve("precious.txt")).hasContent("keep me");
        }
    }

    @Test
    void aDataDirectoryBehindASymbolicLinkIsResetWhereItPoints() throws IOException {
        Path target = temp.resolve("target");
        Path link = Files.createSymbolicLink(temp.resolve("link"), Files.createDirectories(target));
        try (DataDirectory data = DataDirectory.claim(link)) {
            Files.writeString(link.resolve("services.pid"), "projector 1 x.jar");

            data.reset();

            assertThat(link).isSymbolicLink();
            try (Stream<Path> left = Files.list(target)) {
                assertThat(left).containsExactly(target.resolve(DataDirectory.MARKER));
            }
        }
    }

    @Test
    void aDirectoryInUseByAnotherLauncherIsRefused() throws IOException {
        Path directory = temp.resolve("data");
        try (DataDirectory ignored = DataDirectory.claim(directory)) {
            assertThatThrownBy(() -> DataDirectory.claim(directory))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessage("another ./accountview run is using " + directory + ": stop it first, or choose another --data-dir");
        }
    }

    @Test
    void aNonEmptyDirectoryWithoutTheMarkerIsRefusedAndLeftAsItWas() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("home"));
        Files.writeString(directory.resolve("notes.txt"), "keep me");

        assertThatThrownBy(() -> DataDirectory.claim(directory))
                .isInstanceOf(LocalStackException.class)
                .hasMessageStartingWith(directory + " is not empty and is not a data directory of ./accountview run");
        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left).containsExactly(directory.resolve("notes.txt"));
        }
    }
}
