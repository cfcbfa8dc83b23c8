package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hashes made with the default parameters of PHP's {@code PASSWORD_ARGON2ID}, argon2-cffi (21.x and later) and
 * Spring Security's {@code Argon2PasswordEncoder} verify under Locksmith's default settings, without raising
 * any bound (heap permitting: the largest, argon2-cffi 21.x at 100 MiB, needs a heap of at least 400 MiB, as
 * the default memory bound is at most a quarter of the heap). Where each hash comes from is recorded in
 * {@code ecosystem-fixtures.tsv}.
 */
class EcosystemFixturesTest {
    private static final Argon2PasswordHasher HASHER = new Argon2PasswordHasher(Argon2Settings.defaults());

    static Stream<Arguments> fixtures() {
        return Fixtures.read("ecosystem-fixtures.tsv").stream()
                .map(row -> Arguments.of(row[1] + ", " + row[2].substring(0, row[2].indexOf(':')), row[0], row[3]));
    }

    @BeforeAll
    static void the_heap_is_large_enough_for_the_largest_default() {
        // Not a skip: a heap this small is a misconfigured build, and the reason should be plain.
        assertThat(Runtime.getRuntime().maxMemory() / 4 / 1024)
                .as("a quarter of the test JVM's heap, in KiB (argon2-cffi 21.x needs 102400)")
                .isGreaterThanOrEqualTo(102_400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void another_systems_default_hash_verifies_with_its_password_under_the_default_bounds(
            String label, String password, String hash) {
        assertThat(HASHER.verify(Password.of(password), new PasswordHash(hash))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void another_systems_default_hash_refuses_a_wrong_password(String label, String password, String hash) {
        assertThat(HASHER.verify(Password.of(password + "!"), new PasswordHash(hash)))
                .isFalse();
    }

    @Test
    void every_named_ecosystem_is_covered() {
        assertThat(Fixtures.read("ecosystem-fixtures.tsv"))
                .extracting(row -> row[3].substring(0, 31))
                .contains(
                        "$argon2id$v=19$m=65536,t=4,p=1$",
                        "$argon2id$v=19$m=102400,t=2,p=8",
                        "$argon2id$v=19$m=65536,t=3,p=4$",
                        "$argon2id$v=19$m=16384,t=2,p=1$");
    }

    @Test
    void stronger_defaults_are_kept_and_weaker_ones_upgraded() {
        for (String[] row : Fixtures.read("ecosystem-fixtures.tsv")) {
            // PHP and argon2-cffi cost more than Locksmith's default (work 38912); Spring Security's cost less.
            boolean weaker = row[1].startsWith("Spring Security");
            if (row[1].startsWith("node")) {
                continue; // Locksmith's own default cost, written in another order: neither weaker nor stronger
            }
            assertThat(HASHER.needsRehash(new PasswordHash(row[3]))).as(row[1]).isEqualTo(weaker);
        }
    }
}
