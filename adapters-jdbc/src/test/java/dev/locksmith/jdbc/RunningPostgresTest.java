package dev.locksmith.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the PostgreSQL tests find the server binaries, and that missing ones fail the run with instructions. */
class RunningPostgresTest {

    @Test
    void missing_binaries_fail_with_a_message_saying_how_to_get_them(@TempDir Path emptyRoot) {
        assertThatThrownBy(() -> RunningPostgres.binaries(null, emptyRoot.resolve("postgresql")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(".ci/run")
                .hasMessageContaining("apt-get install postgresql");
    }

    @Test
    void the_newest_installed_version_is_chosen(@TempDir Path root) throws IOException {
        for (String version : new String[] {"9.6", "13", "15", "incomplete-99"}) {
            Path bin = Files.createDirectories(root.resolve(version).resolve("bin"));
            if (!version.startsWith("incomplete")) {
                executable(bin.resolve("initdb"));
            }
            executable(bin.resolve("pg_ctl"));
        }
        assertThat(RunningPostgres.binaries(null, root))
                .isEqualTo(root.resolve("15").resolve("bin"));
    }

    private static void executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
    }
}
