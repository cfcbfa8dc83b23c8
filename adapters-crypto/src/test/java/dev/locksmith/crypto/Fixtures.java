package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated fixture files under src/test/resources (lines starting with # are comments), and checks
 * a fixture's hash against passwords near its own.
 */
final class Fixtures {
    private Fixtures() {}

    static List<String[]> read(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that {@code hasher} refuses {@code hash} for {@code password} with a character added at the start
     * and with its first character dropped: both shift every byte, so they differ from it even past bcrypt's
     * 72-byte limit.
     */
    static void assertRefusesNearMisses(Argon2PasswordHasher hasher, String password, String hash) {
        assertThat(hasher.verify(Password.of("x" + password), new PasswordHash(hash)))
                .as("the password with a character added at the start")
                .isFalse();
        assertThat(hasher.verify(Password.of(password.substring(1)), new PasswordHash(hash)))
                .as("the password without its first character")
                .isFalse();
    }
}
