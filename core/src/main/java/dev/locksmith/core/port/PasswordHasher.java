package dev.locksmith.core.port;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.UnavailableException;

/**
 * Turns passwords into stored hashes and checks them. Implementations compare in constant time, bound the
 * number of concurrent hash computations, and are thread-safe.
 */
public interface PasswordHasher {

    /** A new hash of the password with the configured algorithm and parameters and a fresh random salt. */
    PasswordHash hash(Password password);

    /**
     * Whether the password matches the hash.
     *
     * @throws UnavailableException with reason {@code HASH_UNSUPPORTED} when the hash is malformed, of an
     *     unknown algorithm or costlier than the implementation's bound (never a false match), and with reason
     *     {@code BUSY} when no turn to compute came within the implementation's wait bound
     */
    boolean verify(Password password, PasswordHash hash);

    /** Whether the hash uses a weaker algorithm or parameters than the configured ones. */
    boolean needsRehash(PasswordHash hash);
}
