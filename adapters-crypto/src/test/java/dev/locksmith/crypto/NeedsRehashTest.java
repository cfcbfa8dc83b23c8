package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** needsRehash compares a stored hash with the configured algorithm and cost; nothing is computed. */
class NeedsRehashTest {
    /** Configured: argon2id v19, m=1024, t=3, p=2, salt 16, tag 32. */
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Settings.testOnly(1024, 3, 2));

    private static PasswordHash stored(Argon2Type type, int version, int m, int t, int p, int saltBytes, int tagBytes) {
        return new PasswordHash(
                new PhcArgon2Hash(type, version, m, t, p, new byte[saltBytes], new byte[tagBytes]).encode());
    }

    @Test
    void a_hash_at_exactly_the_configured_cost_is_kept() {
        assertThat(hasher.needsRehash(stored(Argon2Type.ARGON2ID, 0x13, 1024, 3, 2, 16, 32))).isFalse();
    }

    @Test
    void a_hash_this_hasher_made_is_kept() {
        assertThat(hasher.needsRehash(hasher.hash(Password.of("fresh")))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "less memory,      ARGON2ID, 19, 1023, 3, 2, 16, 32",
            "fewer passes,     ARGON2ID, 19, 1024, 2, 2, 16, 32",
            "fewer lanes,      ARGON2ID, 19, 1024, 3, 1, 16, 32",
            "shorter salt,     ARGON2ID, 19, 1024, 3, 2,  8, 32",
            "shorter tag,      ARGON2ID, 19, 1024, 3, 2, 16, 16",
            "argon2i,          ARGON2I,  19, 1024, 3, 2, 16, 32",
            "argon2d,          ARGON2D,  19, 1024, 3, 2, 16, 32",
            "version 16,       ARGON2ID, 16, 1024, 3, 2, 16, 32",
            "argon2i stronger, ARGON2I,  19, 4096, 9, 4, 32, 64",
            "v16 stronger,     ARGON2ID, 16, 4096, 9, 4, 32, 64"})
    void a_weaker_algorithm_or_any_weaker_parameter_needs_rehash(String label, Argon2Type type, int version, int m,
                                                                  int t, int p, int salt, int tag) {
        assertThat(hasher.needsRehash(stored(type, version, m, t, p, salt, tag))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "more memory,  1025, 3, 2, 16, 32",
            "more passes,  1024, 4, 2, 16, 32",
            "more lanes,   1024, 3, 4, 16, 32",
            "longer salt,  1024, 3, 2, 32, 32",
            "longer tag,   1024, 3, 2, 16, 64",
            "all stronger, 4096, 3, 8, 32, 64"})
    void an_argon2id_hash_at_least_as_strong_in_every_parameter_is_kept(String label, int m, int t, int p, int salt,
                                                                         int tag) {
        assertThat(hasher.needsRehash(stored(Argon2Type.ARGON2ID, 0x13, m, t, p, salt, tag))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "memory over 4x,         4097,  1, 2",
            "work over 4x,           1024, 13, 2",
            "far stronger in all,    8192,  8, 8"})
    void a_hash_costing_over_four_times_the_configured_memory_or_work_is_replaced_at_the_next_login(
            String label, int m, int t, int p) {
        assertThat(hasher.needsRehash(stored(Argon2Type.ARGON2ID, 0x13, m, t, p, 32, 64))).isTrue();
    }

    @Test
    void one_weaker_parameter_is_enough_even_when_others_are_stronger() {
        assertThat(hasher.needsRehash(stored(Argon2Type.ARGON2ID, 0x13, 65536, 2, 8, 32, 64))).isTrue();
    }

    @Test
    void bcrypt_always_needs_rehash() {
        assertThat(hasher.needsRehash(new PasswordHash(MalformedHashTest.VALID_BCRYPT))).isTrue();
    }

    @Test
    void hashes_made_under_old_settings_need_rehash_under_the_defaults() {
        PasswordHash old = hasher.hash(Password.of("made with test settings"));

        assertThat(new Argon2PasswordHasher(Argon2Settings.defaults()).needsRehash(old)).isTrue();
    }
}
