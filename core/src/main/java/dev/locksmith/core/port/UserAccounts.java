package dev.locksmith.core.port;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.Page;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.domain.UnavailableException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The store of user accounts. Every write bumps the user's version; {@link #update} is optimistic, so a
 * concurrent change surfaces as {@link ConflictException}, never as a lost update. Calls made inside
 * {@link Transactions#inTransaction} join that transaction. Implementations are thread-safe and throw only
 * {@link dev.locksmith.core.domain.LocksmithException}s ({@link UnavailableException} for infrastructure).
 */
public interface UserAccounts {

    /** The user with this username, if any. */
    Optional<User> find(Username username);

    /**
     * Adds a new user; the stored version is 0.
     *
     * @throws ConflictException with {@code ALREADY_EXISTS} when the username is taken
     */
    void add(User user);

    /**
     * Replaces the stored user whose version equals {@code user.version()}, and returns it at the next version.
     *
     * @throws ConflictException when the stored version differs (someone else changed it)
     * @throws NotFoundException when the user no longer exists
     */
    User update(User user);

    /**
     * Deletes the user if its stored version is {@code expectedVersion}.
     *
     * @throws ConflictException when the stored version differs
     * @throws NotFoundException when the user does not exist
     */
    void remove(Username username, long expectedVersion);

    /**
     * Atomically adds one failed login and, when the count reaches {@code threshold} (threshold &gt; 0) and no
     * lock is in force at {@code now}, locks the user from {@code now} for {@code lockFor} (empty: until reset).
     * Bumps the version. Exact under any number of concurrent callers, across processes sharing the store.
     *
     * @return the user after the update, and whether this very call put the lock in place
     * @throws NotFoundException when the user does not exist
     */
    FailedLogin recordFailedLogin(Username username, Instant now, int threshold, Optional<Duration> lockFor);

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
    record FailedLogin(User user, boolean lockedNow) {
    }
}
