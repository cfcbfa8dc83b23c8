package dev.locksmith.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A user account: the aggregate. Immutable; every state change is an intention-revealing method that
 * returns the changed user (the store assigns the next {@link #version()} on update). The canonical
 * constructor is the reconstitution path for stores and checks the invariants; new users come from
 * {@link #newLocal} and {@link #newProviderUser}.
 *
 * <p>Invariants: a local user has a password hash, a provider user has none; the failed-login count is
 * never negative; a lock implies a failed-login count.
 *
 * @param username login identifier, never changed
 * @param profile display names, email, comments
 * @param permissions granted permissions (unmodifiable)
 * @param enabled whether the account may log in and act
 * @param source local or a security provider
 * @param passwordHash stored hash; empty exactly for provider users
 * @param passwordChangedAt when the current password was set
 * @param mustChangePassword whether the next login may only change the password
 * @param temporaryPasswordExpiresAt when a temporary password (set by someone else) stops working
 * @param failedLogins consecutive failed password checks
 * @param lock the current lockout, if any
 * @param version optimistic-concurrency version, assigned by the store
 */
public record User(
        Username username,
        Profile profile,
        Set<Permission> permissions,
        boolean enabled,
        Source source,
        Optional<PasswordHash> passwordHash,
        Optional<Instant> passwordChangedAt,
        boolean mustChangePassword,
        Optional<Instant> temporaryPasswordExpiresAt,
        int failedLogins,
        Optional<Lock> lock,
        long version) {

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
        Objects.requireNonNull(temporaryPasswordExpiresAt, "temporaryPasswordExpiresAt");
        Objects.requireNonNull(lock, "lock");
        permissions = permissions.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Permission.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
        if (source.isLocal() && passwordHash.isEmpty()) {
            throw new IllegalArgumentException("a local user needs a password hash");
        }
        if (!source.isLocal() && passwordHash.isPresent()) {
            throw new IllegalArgumentException("a provider user has no local password");
        }
        if (failedLogins < 0) {
            throw new IllegalArgumentException("failed login count is negative");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version is negative");
        }
    }

    /** A new local user with an initial password. */
    public static User newLocal(Username username, Profile profile, Set<Permission> permissions,
                                PasswordHash hash, Instant now, boolean mustChangePassword,
                                Optional<Instant> temporaryPasswordExpiresAt) {
        return new User(username, profile, permissions, true, Source.local(), Optional.of(hash), Optional.of(now),
                mustChangePassword, temporaryPasswordExpiresAt, 0, Optional.empty(), 0);
    }

    /** A new user whose password lives in the named provider. */
    public static User newProviderUser(Username username, Profile profile, Set<Permission> permissions, Source.Provider provider) {
        return new User(username, profile, permissions, true, provider, Optional.empty(), Optional.empty(),
                false, Optional.empty(), 0, Optional.empty(), 0);
    }

    /** Holds {@link Permission#ADMINISTRATOR}. */
    public boolean isAdministrator() {
        return permissions.contains(Permission.ADMINISTRATOR);
    }

    /** May set other users' passwords: an administrator, or a holder of {@link Permission#SET_PASSWORDS}. */
    public boolean maySetPasswords() {
        return isAdministrator() || permissions.contains(Permission.SET_PASSWORDS);
    }

    /** A non-administrator holding {@link Permission#SET_PASSWORDS}. */
    public boolean isPrivileged() {
        return !isAdministrator() && permissions.contains(Permission.SET_PASSWORDS);
    }

    /** Whether a lock is in force at {@code now}. */
    public boolean isLockedAt(Instant now) {
        return lock.map(l -> l.isActiveAt(now)).orElse(false);
    }

    /** Whether the temporary password has expired at {@code now}. */
    public boolean temporaryPasswordExpiredAt(Instant now) {
        return temporaryPasswordExpiresAt.map(t -> !now.isBefore(t)).orElse(false);
    }

    /** Whether the password is older than {@code maxAge} at {@code now}. */
    public boolean passwordExpiredAt(Instant now, Duration maxAge) {
        return passwordChangedAt.map(t -> !now.isBefore(t.plus(maxAge))).orElse(false);
    }

    /** The user's password set by someone else: clears failures and lock, sets must-change and expiry. */
    public User passwordSetByOther(PasswordHash hash, Instant now, boolean mustChange, Optional<Instant> temporaryUntil) {
        requireLocal();
        return new User(username, profile, permissions, enabled, source, Optional.of(hash), Optional.of(now),
                mustChange, mustChange ? temporaryUntil : Optional.empty(), 0, Optional.empty(), version);
    }

    /** The user changed their own password: clears must-change, temporary expiry, failures and lock. */
    public User passwordChangedBySelf(PasswordHash hash, Instant now) {
        requireLocal();
        return new User(username, profile, permissions, enabled, source, Optional.of(hash), Optional.of(now),
                false, Optional.empty(), 0, Optional.empty(), version);
    }

    /** Same password, stronger hash (rehash on login); nothing else changes. */
    public User rehashed(PasswordHash hash) {
        requireLocal();
        return new User(username, profile, permissions, enabled, source, Optional.of(hash), passwordChangedAt,
                mustChangePassword, temporaryPasswordExpiresAt, failedLogins, lock, version);
    }

    /** Failed-login count back to 0 and any lock cleared. */
    public User resetFailedLogins() {
        return new User(username, profile, permissions, enabled, source, passwordHash, passwordChangedAt,
                mustChangePassword, temporaryPasswordExpiresAt, 0, Optional.empty(), version);
    }

    /**
     * One more failed login. When the count reaches {@code threshold} (and lockout is on, threshold &gt; 0)
     * the user is locked from {@code now} for {@code lockFor}, or until reset when {@code lockFor} is empty.
     */
    public User failedLogin(Instant now, int threshold, Optional<Duration> lockFor) {
        int count = failedLogins == Integer.MAX_VALUE ? failedLogins : failedLogins + 1;
        Optional<Lock> newLock = lock;
        if (threshold > 0 && count >= threshold && !isLockedAt(now)) {
            newLock = Optional.of(new Lock(now, lockFor.map(now::plus)));
        }
        return new User(username, profile, permissions, enabled, source, passwordHash, passwordChangedAt,
                mustChangePassword, temporaryPasswordExpiresAt, count, newLock, version);
    }

    /** Set "must change at next login" on its own. */
    public User requirePasswordChange() {
        return new User(username, profile, permissions, enabled, source, passwordHash, passwordChangedAt,
                true, temporaryPasswordExpiresAt, failedLogins, lock, version);
    }

    public User withProfile(Profile newProfile) {
        return new User(username, newProfile, permissions, enabled, source, passwordHash, passwordChangedAt,
                mustChangePassword, temporaryPasswordExpiresAt, failedLogins, lock, version);
    }

    public User withPermissions(Set<Permission> newPermissions) {
        return new User(username, profile, newPermissions, enabled, source, passwordHash, passwordChangedAt,
                mustChangePassword, temporaryPasswordExpiresAt, failedLogins, lock, version);
    }

    public User withEnabled(boolean newEnabled) {
        return new User(username, profile, permissions, newEnabled, source, passwordHash, passwordChangedAt,
                mustChangePassword, temporaryPasswordExpiresAt, failedLogins, lock, version);
    }

    /** The same user at the given store version (stores call this when they persist an update). */
    public User atVersion(long newVersion) {
        return new User(username, profile, permissions, enabled, source, passwordHash, passwordChangedAt,
                mustChangePassword, temporaryPasswordExpiresAt, failedLogins, lock, newVersion);
    }

    private void requireLocal() {
        if (!source.isLocal()) {
            throw new IllegalStateException("provider users have no local password");
        }
    }
}
