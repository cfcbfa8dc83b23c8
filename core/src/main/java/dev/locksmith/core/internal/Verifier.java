package dev.locksmith.core.internal;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.port.PasswordHasher;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Password checks as login-like use cases make them: against a stored hash, or against a dummy hash of the
 * same cost when there is no hash to check (an unknown user, a directory user), so that response time does
 * not tell accounts apart. Slow work: call with no transaction held. Thread-safe.
 *
 * <p>Locksmith hashes the NFKC form of a password. A hash imported from a system that hashed passwords as
 * typed (PHP, argon2-cffi, Spring...) does not match the normalized form of a password typed with fullwidth
 * letters or a ligature; when the typed form differs and the normalized one does not match, it is tried too,
 * and a match asks for the hash to be replaced by a normalized one. A Locksmith hash is always of an NFKC
 * string, which a typed form that normalization changes can never equal, so the second try can only match an
 * imported hash. It costs a second verification, for inputs that normalization changes only (a property of
 * what was typed, not of the account).
 */
public final class Verifier {
    private final PasswordHasher hasher;
    private volatile PasswordHash dummyHash;

    public Verifier(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /** What a verification found. */
    public record Verification(boolean matched, boolean needsRehash) {}

    /**
     * Verifies {@code password} against {@code hash}, then its typed form when normalization changed it.
     *
     * @throws dev.locksmith.core.domain.UnavailableException from the hasher ({@code HASH_UNSUPPORTED}, {@code BUSY})
     */
    public Verification verify(Password password, PasswordHash hash) {
        if (hasher.verify(password, hash)) {
            return new Verification(true, hasher.needsRehash(hash));
        }
        Optional<Password> typed = password.typedForm();
        if (typed.isPresent()) {
            try (Password asTyped = typed.get()) {
                if (hasher.verify(asTyped, hash)) {
                    return new Verification(true, true);
                }
            }
        }
        return new Verification(false, false);
    }

    /** A verification against the dummy hash, for the same cost as a real one; never a match. */
    public boolean verifyDummy(Password password) {
        hasher.verify(password, dummyHash());
        return false;
    }

    /** The hash unknown usernames are verified against, made once with the configured hasher. */
    private PasswordHash dummyHash() {
        PasswordHash hash = dummyHash;
        if (hash == null) {
            synchronized (this) {
                hash = dummyHash;
                if (hash == null) {
                    byte[] random = new byte[24];
                    new SecureRandom().nextBytes(random);
                    try (Password dummy = Password.of(Base64.getEncoder().encodeToString(random))) {
                        hash = hasher.hash(dummy);
                    }
                    dummyHash = hash;
                }
            }
        }
        return hash;
    }
}
