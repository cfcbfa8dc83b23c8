package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * bcrypt hashes made by independent tools ({@code htpasswd} for {@code $2y$}, libxcrypt's {@code mkpasswd} for
 * {@code $2b$} and {@code $2a$}, and prefix-only changes of an {@code $2y$} hash) verify, always need a rehash,
 * and show bcrypt's 72-byte limit.
 */
class BcryptFixturesTest {
    private static final Argon2PasswordHasher HASHER = new Argon2PasswordHasher(Argon2Settings.defaults());
    private static final String DIGITS_80 =
            "01234567890123456789012345678901234567890123456789012345678901234567890123456789";

    static Stream<Arguments> fixtures() {
        return Fixtures.read("bcrypt-fixtures.tsv").stream()
                .map(row -> Arguments.of(row[2].substring(0, 7) + " " + row[1], row[0], row[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void independent_tool_hash_verifies_with_its_password(String label, String password, String hash) {
        assertThat(HASHER.verify(Password.of(password), new PasswordHash(hash))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void independent_tool_hash_refuses_a_wrong_password(String label, String password, String hash) {
        Fixtures.assertRefusesNearMisses(HASHER, password, hash);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void bcrypt_always_needs_rehash(String label, String password, String hash) {
        assertThat(HASHER.needsRehash(new PasswordHash(hash))).isTrue();
    }

    @Test
    void every_variant_prefix_is_covered_by_the_fixtures() {
        assertThat(Fixtures.read("bcrypt-fixtures.tsv"))
                .extracting(row -> row[2].substring(0, 4))
                .contains("$2a$", "$2b$", "$2y$");
    }

    @Test
    void only_the_first_72_bytes_of_a_long_password_count() {
        for (String[] row : Fixtures.read("bcrypt-fixtures.tsv")) {
            if (!row[0].equals(DIGITS_80)) {
                continue;
            }
            PasswordHash hash = new PasswordHash(row[2]);
            assertThat(HASHER.verify(Password.of(DIGITS_80.substring(0, 72)), hash))
                    .as(row[1])
                    .isTrue();
            assertThat(HASHER.verify(Password.of(DIGITS_80.substring(0, 72) + "anything"), hash))
                    .isTrue();
            assertThat(HASHER.verify(Password.of(DIGITS_80.substring(0, 71)), hash))
                    .isFalse();
        }
    }

    @Test
    void the_72_byte_cut_may_fall_inside_a_multibyte_character() {
        String[] row = Fixtures.read("bcrypt-fixtures.tsv").stream()
                .filter(r -> r[0].startsWith("aaaaaaaa"))
                .findFirst()
                .orElseThrow();
        String stored = row[0];
        assertThat(stored.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(72);
        // Byte 72 is the first byte of e-acute (C3 A9); e-grave (C3 A8) shares it, so it matches too.
        String sameFirst72 = "a".repeat(71) + "\u00e8";

        assertThat(HASHER.verify(Password.of(stored), new PasswordHash(row[2]))).isTrue();
        assertThat(HASHER.verify(Password.of(sameFirst72), new PasswordHash(row[2])))
                .isTrue();
        assertThat(HASHER.verify(Password.of("a".repeat(71)), new PasswordHash(row[2])))
                .isFalse();
    }
}
