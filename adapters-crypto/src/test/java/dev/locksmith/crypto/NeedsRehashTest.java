package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * needsRehash compares a stored hash with the configured algorithm and cost, and never replaces a stronger hash
 * with a weaker one: argon2id version 19 is preferred to every other type and version, then work (memory x
 * passes) decides, with a memory floor. Nothing is computed.
 */
class NeedsRehashTest {
    /** Configured: argon2id v19, m=1024, t=3 (work 3072), p=2. */
    private static final Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Settings.testOnly(1024, 3, 2));
    /** Configured: the defaults, m=19456, t=2 (work 38912), p=1. */
    private static final Argon2PasswordHasher DEFAULTS = new Argon2PasswordHasher(Argon2Settings.defaults());

    private static PasswordHash stored(Argon2Type type, int version, int m, int t, int p, int saltBytes, int tagBytes) {
        return new PasswordHash(
                new PhcArgon2Hash(type, version, m, t, p, new byte[saltBytes], new byte[tagBytes]).encode());
    }

    @ParameterizedTest(name = "{0}: rehash {8}")
    @CsvSource({
        // label,                                   type,     v,  m,    t, p, salt, tag, rehash
        "exactly the configured cost,               ARGON2ID, 19, 1024, 3, 2, 16, 32, false",
        "less memory and less work,                 ARGON2ID, 19, 1023, 3, 2, 16, 32, true",
        "fewer passes and less work,                ARGON2ID, 19, 1024, 2, 2, 16, 32, true",
        "fewer passes but as much work,             ARGON2ID, 19, 1536, 2, 2, 16, 32, false",
        "one pass over three times the memory,      ARGON2ID, 19, 3072, 1, 1, 16, 32, false",
        "more work from passes over less memory,    ARGON2ID, 19, 1000, 4, 2, 16, 32, true",
        "fewer lanes,                               ARGON2ID, 19, 1024, 3, 1, 16, 32, false",
        "shorter salt (8 bytes is accepted),        ARGON2ID, 19, 1024, 3, 2,  8, 32, false",
        "shorter tag (16 bytes is accepted),        ARGON2ID, 19, 1024, 3, 2, 16, 16, false",
        "far more memory and work,                  ARGON2ID, 19, 8192, 3, 8, 32, 64, false",
        "more passes: eight times the work,         ARGON2ID, 19, 1024, 24, 2, 16, 32, false",
        "argon2i at the same cost,                  ARGON2I,  19, 1024, 3, 2, 16, 32, true",
        "argon2d at the same cost,                  ARGON2D,  19, 1024, 3, 2, 16, 32, true",
        "argon2i stronger: argon2id preferred,      ARGON2I,  19, 4096, 6, 4, 32, 64, true",
        "argon2d stronger: argon2id preferred,      ARGON2D,  19, 4096, 6, 4, 32, 64, true",
        "version 16 at the same cost,               ARGON2ID, 16, 1024, 3, 2, 16, 32, true",
        "version 16 stronger,                       ARGON2ID, 16, 4096, 6, 4, 32, 64, true"
    })
    void a_stored_argon2_hash_is_replaced_only_by_a_stronger_one(
            String label, Argon2Type type, int version, int m, int t, int p, int salt, int tag, boolean rehash) {
        assertThat(hasher.needsRehash(stored(type, version, m, t, p, salt, tag)))
                .isEqualTo(rehash);
    }

    /** The OWASP configurations against the default (m=19456, t=2, work 38912), and beyond. */
    @ParameterizedTest(name = "m={0} t={1}: rehash {2}")
    @CsvSource({
        "47104,  1, false", // OWASP, work 47104: kept, not replaced by m=19456 t=2
        "19456,  2, false", // the default itself
        "12288,  3, true", // OWASP, but work 36864 is below the default's
        "9216,   4, true", // OWASP, work 36864
        "7168,   5, true", // OWASP, work 35840
        "12288,  4, false", // work 49152 with OWASP memory for its passes
        "9216,   5, false", // work 46080, OWASP memory for its passes
        "4096,  10, true", // work 40960, but 4 MiB is below every OWASP configuration
        "2048,  32, true", // work 65536 bought with passes over 2 MiB
        "65536,  4, false", // PHP's PASSWORD_ARGON2ID
        "102400, 2, false", // argon2-cffi up to 21.x
        "65536,  3, false", // argon2-cffi since
        "16384,  2, true", // Spring Security 5.8: less work than the default, upgraded
        "4096,   3, true"
    }) // Spring Security 5.2
    void against_the_defaults_the_owasp_configurations_with_at_least_the_default_work_are_kept(
            int m, int t, boolean rehash) {
        assertThat(DEFAULTS.needsRehash(stored(Argon2Type.ARGON2ID, 0x13, m, t, 1, 16, 32)))
                .isEqualTo(rehash);
    }

    @Test
    void an_owasp_m47104_t1_hash_is_kept_under_the_defaults_but_a_default_hash_is_upgraded_under_m47104_t1() {
        Argon2PasswordHasher onePass = new Argon2PasswordHasher(
                Argon2Settings.builder().memoryKiB(47_104).iterations(1).build());

        assertThat(DEFAULTS.needsRehash(stored(Argon2Type.ARGON2ID, 0x13, 47_104, 1, 1, 16, 32)))
                .isFalse();
        assertThat(onePass.needsRehash(stored(Argon2Type.ARGON2ID, 0x13, 19_456, 2, 1, 16, 32)))
                .isTrue();
    }

    @Test
    void a_hash_this_hasher_made_is_kept() {
        assertThat(hasher.needsRehash(hasher.hash(Password.of("fresh")))).isFalse();
    }

    @Test
    void bcrypt_always_needs_rehash() {
        assertThat(hasher.needsRehash(new PasswordHash(MalformedHashTest.VALID_BCRYPT)))
                .isTrue();
        assertThat(DEFAULTS.needsRehash(new PasswordHash(MalformedHashTest.VALID_BCRYPT)))
                .isTrue();
    }

    @Test
    void hashes_made_under_old_settings_need_rehash_under_the_defaults() {
        PasswordHash old = hasher.hash(Password.of("made with test settings"));

        assertThat(DEFAULTS.needsRehash(old)).isTrue();
    }
}
