package dev.locksmith.core.port;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.Page;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import java.time.Instant;
import java.util.Optional;

/**
 * The store of user accounts. Calls made inside {@link Transactions#inTransaction} join that transaction.
 * Implementations are thread-safe and throw only {@link dev.locksmith.core.domain.LocksmithException}s
 * ({@link UnavailableException} for infrastructure).
 *
 * <p>Two kinds of write, kept apart:
 * <ul>
 *   <li>{@link #update} and {@link #remove} are optimistic on the user's {@link UserId identity} and
 *       {@link User#version() version}: a concurrent change surfaces as {@link ConflictException}, never as a
 *       lost update, and a write meant for a deleted account never lands on a new account of the same name
 *       (identities are never reused). They write what the version guards and never the login state.</li>
 *   <li>The login state ({@link #recordFailedLogin}, {@link #resetFailedLogins}, {@link #recordSuccessfulLogin})
 *       changes by atomic updates that leave the version alone, exact under any number of concurrent callers
 *       across processes sharing the store, and kept apart from the row an optimistic write locks: a login
 *       never waits for a transaction that changed the user's profile or credentials (one sending a mail, say).
 *       {@link #replaceHash} likewise leaves the version alone.</li>
 * </ul>
 */
public interface UserAccounts {

    /** The user with this username, with its current login state, if any. */
    Optional<User> find(Username username);

    /**
     * Adds a new user (its identity, profile, credentials and login state); the stored version is 0.
     *
     * @throws ConflictException with {@code ALREADY_EXISTS} when the username (or identity) is taken
     */
    void add(User user);

    /**
     * Replaces what the version guards (everything but the login state) of the stored user whose identity is
     * {@code user.id()} and whose version equals {@code user.version()}, and returns it at the next version
     * with the login state as stored.
     *
     * @throws ConflictException when the stored version differs (someone else changed it)
     * @throws NotFoundException when no user has this identity (deleted, possibly re-created under the name)
     */
    User update(User user);

    /**
     * Deletes the user with this identity if its stored version is {@code expectedVersion}.
     *
     * @throws ConflictException when the stored version differs
     * @throws NotFoundException when no user has this identity
     */
    void remove(UserId id, long expectedVersion);

    /**
     * Atomically applies one failed password check at {@code now} ({@link LoginState#failed}) to the stored
     * login state. Leaves the version alone.
     *
     * @return the login state after the update, and whether this very call put a lock in place
     * @throws NotFoundException when no user has this identity
     */
    FailedLogin recordFailedLogin(UserId id, Instant now, LoginState.Rule rule);

    /**
     * Atomically clears the failed count and any lock ({@link LoginState#cleared}). Leaves the version alone.
     *
     * @return the login state before the reset
     * @throws NotFoundException when no user has this identity
     */
    LoginState resetFailedLogins(UserId id);

    /**
     * Atomically records a successful login at {@code now} ({@link LoginState#succeeded}). Leaves the version
     * alone.
     *
     * @throws NotFoundException when no user has this identity
     */
    void recordSuccessfulLogin(UserId id, Instant now);

    /**
     * Replaces the stored hash with {@code replacement} if it is still {@code expected} (the same password,
     * hashed again at a stronger cost). Leaves the version alone: the credential is the same.
     *
     * @return whether the hash was replaced (false when the user is gone or has another hash now)
     */
    boolean replaceHash(UserId id, PasswordHash expected, PasswordHash replacement);

    /** One page of users matching the search, ordered by username; the cursor is the last username. */
    Page<User> search(UserSearch search);

    /**
     * Number of enabled users holding {@code ADMINISTRATOR}. Inside a transaction, counting takes turns with
     * every other transaction that counts, until this one ends, and the counted administrators stay protected:
     * a concurrent transaction that counts too waits for this one and then sees its outcome, so "check that
     * another administrator remains, then demote" cannot interleave with the same check elsewhere (no write
     * skew leaving the appliance without an administrator), and neither can "check that there is none, then
     * create the first" (no two first administrators), even when there is no administrator row to protect.
     */
    long countEnabledAdministrators();

    /** Result of {@link #recordFailedLogin}. */
    record FailedLogin(LoginState logins, boolean lockedNow) {
        public FailedLogin {
            java.util.Objects.requireNonNull(logins, "logins");
        }
    }
}
