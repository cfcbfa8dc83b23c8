package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hashes made by the reference {@code argon2} command-line tool (argon2id, argon2i, argon2d; versions 16 and
 * 19; several m/t/p; an 8-byte and a 24-byte salt; a 64-byte tag; a non-ASCII password) verify with the
 * adapter at its default settings, wrong passwords do not, and parsing them and encoding again gives the
 * tool's exact string.
 */
class ReferenceCliFixturesTest {
    private static final Argon2PasswordHasher HASHER = new Argon2PasswordHasher(Argon2Settings.defaults());

    static Stream<Arguments> fixtures() {
        return Fixtures.read("argon2-cli-fixtures.tsv").stream().map(row -> Arguments.of(row[2], row[0], row[3]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reference_tool_hash_verifies_with_its_password(String options, String password, String encoded) {
        assertThat(HASHER.verify(Password.of(password), new PasswordHash(encoded)))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reference_tool_hash_refuses_a_wrong_password(String options, String password, String encoded) {
        assertThat(HASHER.verify(Password.of(password + "x"), new PasswordHash(encoded)))
                .isFalse();
        Fixtures.assertRefusesNearMisses(HASHER, password, encoded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reference_tool_encoding_is_the_canonical_one(String options, String password, String encoded) {
        assertThat(PhcArgon2Hash.parse(
                                encoded,
                                HASHER.settings().maxVerificationMemoryKiB(),
                                HASHER.settings().maxVerificationWork())
                        .encode())
                .isEqualTo(encoded);
    }

    @Test
    void only_the_reference_hash_at_the_default_cost_needs_no_rehash() {
        List<String[]> rows = Fixtures.read("argon2-cli-fixtures.tsv");

        assertThat(rows).hasSizeGreaterThanOrEqualTo(9);
        for (String[] row : rows) {
            boolean atDefaults = row[3].startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(HASHER.needsRehash(new PasswordHash(row[3]))).as(row[2]).isEqualTo(!atDefaults);
        }
    }

    @Test
    void a_hash_without_version_field_is_version_16() {
        // Reference encodings before version 1.3 had no v= field; this is the v=16 fixture with it removed.
        String withVersion =
                "$argon2id$v=16$m=1024,t=4,p=4$c2FsdHNhbHRzYWx0$0LAdtAxcywgmKjg7FX2JYIQspH4D5zocXjnbeidf/08";
        String withoutVersion = withVersion.replace("$v=16", "");

        assertThat(HASHER.verify(Password.of("legacy version ten"), new PasswordHash(withoutVersion)))
                .isTrue();
        assertThat(HASHER.verify(
                        Password.of("legacy version ten"), new PasswordHash(withVersion.replace("$v=16", "$v=19"))))
                .isFalse();
    }
}
