package com.accountview.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {

    @TempDir
    Path temp;

    @Test
    void aNewTokenIsReadableByItsOwnerOnlyAndStaysTheSame() throws IOException {
        String token = AdminToken.of(temp);

        assertThat(token).matches("[0-9a-f]{48}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve(AdminToken.FILE))))
                .isEqualTo("rw-------");
        assertThat(AdminToken.of(temp)).isEqualTo(token);
        assertThat(AdminToken.find(temp)).hasValue(token);
    }

    @Test
    void aFileSystemWithoutPosixPermissionsKeepsTheTokenAllTheSame() throws IOException {
        // the JDK's zip file system has no POSIX permissions unless asked to, as Windows' have none
        try (FileSystem withoutPosix = FileSystems.newFileSystem(temp.resolve("data.zip"), Map.of("create", "true"))) {
            Path dataDir = Files.createDirectories(withoutPosix.getPath("/run-data"));

            String token = AdminToken.of(dataDir);

            assertThat(token).matches("[0-9a-f]{48}");
            assertThat(AdminToken.of(dataDir)).isEqualTo(token);
        }
    }
}
