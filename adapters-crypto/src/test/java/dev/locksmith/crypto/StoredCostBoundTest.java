package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.UnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A stored Argon2 hash costing more than the bounds (by default 8 x the configured memory, at most a quarter of
 * the heap, and 8 x the configured work) is refused with HASH_UNSUPPORTED at once, by verify and needsRehash
 * alike, without computing; a host can raise the bounds. The refused strings are well formed; their tags are
 * zeros, as nothing is computed. (The same under a 256 MiB heap, in a JVM of its own: {@link SmallHeapTest}.)
 */
class StoredCostBoundTest {
    private final CountingObserver counting = new CountingObserver();

    private static PasswordHash stored(int m, int t, int p) {
        return new PasswordHash(
                new PhcArgon2Hash(Argon2Type.ARGON2ID, 0x13, m, t, p, new byte[16], new byte[32]).encode());
    }

    @ParameterizedTest(name = "m={0} t={1} p={2}: {3}")
    @CsvSource({
        "155649,  1, 1, maxVerificationMemoryKiB", // 8 x 19456 + 1 KiB
        "262144,  1, 1, maxVerificationMemoryKiB", // 256 MiB
        "262144, 32, 1, maxVerificationMemoryKiB", // 256 MiB, 32 passes: about 30 s a check before
        "65536,   5, 1, maxVerificationWork", // work 327680 > 8 x 38912 = 311296
        "19456,  32, 4, maxVerificationWork"
    }) // the default memory, 16 x its passes
    void beyond_the_default_bounds_a_stored_hash_is_refused_without_computing(int m, int t, int p, String bound) {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Settings.defaults(), counting);
        PasswordHash hash = stored(m, t, p);

        counting.assertRefusedWithoutComputing(hasher, "password", hash, bound);
    }

    @Test
    void at_the_bounds_a_stored_hash_is_computed() {
        // Configured m=32, t=2: bounds 256 KiB and work 512.
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Settings.testOnly(32, 2, 1), counting);
        PasswordHash atMemory = new Argon2PasswordHasher(Argon2Settings.testOnly(256, 2, 1)).hash(Password.of("m"));
        PasswordHash atWork = new Argon2PasswordHasher(Argon2Settings.testOnly(32, 16, 1)).hash(Password.of("w"));

        assertThat(hasher.verify(Password.of("m"), atMemory)).isTrue();
        assertThat(hasher.verify(Password.of("w"), atWork)).isTrue();
        assertThat(counting.computations).hasValue(2);
    }

    @Test
    void a_host_can_raise_the_bounds() {
        PasswordHash costly = new Argon2PasswordHasher(Argon2Settings.testOnly(512, 2, 1)).hash(Password.of("big"));
        Argon2PasswordHasher bounded = new Argon2PasswordHasher(Argon2Settings.testOnly(32, 2, 1), counting);
        Argon2PasswordHasher memoryOnly = new Argon2PasswordHasher(Argon2Settings.builder()
                .testOnly()
                .memoryKiB(32)
                .iterations(2)
                .maxVerificationMemoryKiB(512)
                .build());
        Argon2PasswordHasher raised = new Argon2PasswordHasher(Argon2Settings.builder()
                .testOnly()
                .memoryKiB(32)
                .iterations(2)
                .maxVerificationMemoryKiB(512)
                .maxVerificationWork(1024)
                .build());

        assertThatThrownBy(() -> bounded.verify(Password.of("big"), costly))
                .isInstanceOfSatisfying(
                        UnavailableException.class,
                        e -> assertThat(e.getMessage()).contains("maxVerificationMemoryKiB"));
        assertThatThrownBy(() -> memoryOnly.verify(Password.of("big"), costly))
                .isInstanceOfSatisfying(
                        UnavailableException.class,
                        e -> assertThat(e.getMessage()).contains("maxVerificationWork"));
        assertThat(raised.verify(Password.of("big"), costly)).isTrue();
        assertThat(counting.computations).hasValue(0);
    }
}
