package dev.locksmith.core.port;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.domain.Username;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One-time password-reset links, stored only as the SHA-256 of their token: whoever reads the store cannot
 * use a link. Joins the current transaction, so it must be bound to the same backing store as
 * {@link Transactions}; thread-safe.
 *
 * <p>Single use is the store's promise: of two concurrent {@link #remove} calls for one token, exactly one
 * answers {@code true}.
 */
public interface ResetTokens {

    /**
     * Stores a new token.
     *
     * @throws dev.locksmith.core.domain.ConflictException {@code ALREADY_EXISTS} when a token with that hash is
     *     stored already (never expected with 256-bit random tokens)
     */
    void add(ResetToken token);

    /** The token stored under {@code tokenHash}, expired or not. */
    Optional<ResetToken> find(String tokenHash);

    /** Removes the token; {@code true} only for the one call that removed it. */
    boolean remove(String tokenHash);

    /** Removes every token of the user (a used link voids its siblings; a deleted user leaves none). */
    void removeAll(UserId user);

    /** Removes tokens that expired before {@code now}; returns how many. */
    int removeExpired(Instant now);

    /**
     * A stored reset token.
     *
     * @param tokenHash lower-case hex SHA-256 of the token (64 characters); the token itself is never stored
     * @param user the identity of the user the link resets (a re-created account of the same name is another)
     * @param username that user's name, for the audit trail
     * @param credential lower-case hex SHA-256 of the user's password hash when the link was issued: any other
     *     change of the password (or a rehash at login) voids the link
     * @param issuedAt when it was issued
     * @param expiresAt when it stops working
     */
    record ResetToken(
            String tokenHash, UserId user, Username username, String credential, Instant issuedAt, Instant expiresAt) {
        private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

        public ResetToken {
            InvalidInputException.requireNonNull(tokenHash, "tokenHash");
            InvalidInputException.requireNonNull(user, "user");
            InvalidInputException.requireNonNull(username, "username");
            InvalidInputException.requireNonNull(credential, "credential");
            InvalidInputException.requireNonNull(issuedAt, "issuedAt");
            InvalidInputException.requireNonNull(expiresAt, "expiresAt");
            if (!SHA256_HEX.matcher(tokenHash).matches()) {
                throw new InvalidInputException("tokenHash", "must be 64 lower-case hex digits");
            }
            if (!SHA256_HEX.matcher(credential).matches()) {
                throw new InvalidInputException("credential", "must be 64 lower-case hex digits");
            }
            if (!expiresAt.isAfter(issuedAt)) {
                throw new InvalidInputException("expiresAt", "must be after issuedAt");
            }
        }

        /** Whether the link no longer works at {@code now}. */
        public boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }
}
