package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Username;

/**
 * Verifies a login, in three steps so that no database connection is held while the password is checked: a
 * short read of the user and the policy; the check itself (against the stored hash, against the provider for
 * provider users whose provider can check passwords, or against a dummy hash of the same cost for unknown
 * usernames); then a short write that decides by the user as stored now (a lock, a disable or a new password
 * that landed during the check wins) and updates the login state with atomic statements that never conflict
 * with administration. A wrong password counts as a failed login (locking at the policy's threshold, within
 * its observation window), and that count commits, since it is an outcome and not a failure. A success
 * clears the count, records the login, and replaces the stored hash when the hasher says it is outdated, or
 * when it only matched the password as typed (an imported hash). The outcome tells the caller no more than
 * the host should show (see {@link AuthenticationOutcome}); the detail goes to the audit trail. Implementations are thread-safe.
 */
public interface Authenticate {

    /**
     * A login attempt. Ownership of {@code password} passes to the use case, which wipes it when it returns
     * or throws.
     */
    public record Command(Username username, Password password) {
        public Command {
            InvalidInputException.requireNonNull(username, "username");
            InvalidInputException.requireNonNull(password, "password");
        }
    }

    /**
     * Verifies the login and records its outcome.
     *
     * @throws dev.locksmith.core.domain.UnavailableException when a store or the hasher fails ({@code BUSY}
     *     when the hashing gate's wait bound passed), or the stored hash is unreadable or too costly
     *     ({@code HASH_UNSUPPORTED})
     */
    AuthenticationOutcome execute(Command command);
}
