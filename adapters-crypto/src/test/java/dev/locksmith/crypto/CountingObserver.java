package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the computations a hasher starts, so a test can tell a refusal that computed nothing. */
final class CountingObserver implements ComputationObserver {
    /** How many computations started. */
    final AtomicInteger computations = new AtomicInteger();

    @Override
    public void started() {
        computations.incrementAndGet();
    }

    @Override
    public void finished() {}

    /**
     * Asserts that {@code hasher}, observed by this, refuses {@code hash} as {@code HASH_UNSUPPORTED} in verify (the
     * message naming {@code why}) and needsRehash alike, and that nothing was computed.
     */
    void assertRefusedWithoutComputing(Argon2PasswordHasher hasher, String password, PasswordHash hash, String why) {
        assertThatThrownBy(() -> hasher.verify(Password.of(password), hash))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.HASH_UNSUPPORTED);
                    assertThat(e.getMessage()).contains(why);
                });
        assertThatThrownBy(() -> hasher.needsRehash(hash))
                .isInstanceOfSatisfying(
                        UnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HASH_UNSUPPORTED));
        assertThat(computations).hasValue(0);
    }
}
