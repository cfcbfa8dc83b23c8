package dev.locksmith.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A user account: the aggregate. Immutable; every state change is an intention-revealing method that
 * returns the changed user (the store assigns the next {@link #version()} on update). The canonical
 * constructor is the reconstitution path for stores and checks the invariants; new users come from
 * {@link #newLocal} and {@link #newProviderUser}.
 *
 * <p>The {@link #version()} guards what administration changes (credentials, profile, permissions, enabled
 * state, source); the {@link #logins() login state} (failed count, lock, last login) changes by atomic updates
 * of its own that leave the version alone, so guessing never makes administration conflict.
 *
 * <p>Invariants: a local user has a password hash, a provider user has none.
 *
 * @param id identity, assigned at creation and never reused
 * @param username login identifier, never changed
 * @param profile display names, email, comments
 * @param permissions granted permissions (unmodifiable)
 * @param enabled whether the account may log in and act
 * @param source local or a security provider
 * @param passwordHash stored hash; empty exactly for provider users
 * @param passwordChangedAt when the current password was set
 * @param mustChangePassword whether the next login may only change the password
 * @param temporaryPasswordExpiresAt when a temporary password (set by someone else) stops working
 * @param logins failed logins, lock and last login
 * @param version optimistic-concurrency version, assigned by the store
 */
public record User(
        UserId id,
        Username username,
        Profile profile,
        Set<Permission> permissions,
        boolean enabled,
        Source source,
        Optional<PasswordHash> passwordHash,
        Optional<Instant> passwordChangedAt,
        boolean mustChangePassword,
        Optional<Instant> temporaryPasswordExpiresAt,
        LoginState logins,
        long version) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
        Objects.requireNonNull(temporaryPasswordExpiresAt, "temporaryPasswordExpiresAt");
        Objects.requireNonNull(logins, "logins");
        permissions = permissions.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Permission.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
        if (source.isLocal() && passwordHash.isEmpty()) {
            throw new IllegalArgumentException("a local user needs a password hash");
        }
        if (!source.isLocal() && passwordHash.isPresent()) {
            throw new IllegalArgumentException("a provider user has no local password");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version is negative");
        }
    }

    /** A new local user with an initial password and a new identity. */
    public static User newLocal(
            Username username,
            Profile profile,
            Set<Permission> permissions,
            PasswordHash hash,
            Instant now,
            boolean mustChangePassword,
            Optional<Instant> temporaryPasswordExpiresAt) {
        return new User(
                UserId.random(),
                username,
                profile,
                permissions,
                true,
                Source.local(),
                Optional.of(hash),
                Optional.of(now),
                mustChangePassword,
                temporaryPasswordExpiresAt,
                LoginState.initial(),
                0);
    }

    /** A new user whose password lives in the named provider, with a new identity. */
    public static User newProviderUser(
            Username username, Profile profile, Set<Permission> permissions, Source.Provider provider) {
        return new User(
                UserId.random(),
                username,
                profile,
                permissions,
                true,
                provider,
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                LoginState.initial(),
                0);
    }

    /** Consecutive failed password checks that still count. */
    public int failedLogins() {
        return logins.failedLogins();
    }

    /** The lock caused by failed logins, if any (possibly ended: see {@link #isLockedAt}). */
    public Optional<Lock> lock() {
        return logins.lock();
    }

    /** The last successful login, if any. */
    public Optional<Instant> lastLoginAt() {
        return logins.lastLoginAt();
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
        return logins.isLockedAt(now);
    }

    /** Whether the temporary password has expired at {@code now}. */
    public boolean temporaryPasswordExpiredAt(Instant now) {
        return temporaryPasswordExpiresAt.map(t -> !now.isBefore(t)).orElse(false);
    }

    /** Whether the password is older than {@code maxAge} at {@code now}. */
    public boolean passwordExpiredAt(Instant now, Duration maxAge) {
        return passwordChangedAt.map(t -> !now.isBefore(t.plus(maxAge))).orElse(false);
    }

    /**
     * Whether this user, as an actor, must change their own password before doing anything else at
     * {@code now}: the must-change flag is set, the temporary password has expired, or the password is older
     * than the policy's maximum age. Provider users never do (their password lives elsewhere).
     */
    public boolean mustChangePasswordAt(Instant now, Optional<Duration> maxAge) {
        if (!source.isLocal()) {
            return false;
        }
        return mustChangePassword
                || temporaryPasswordExpiredAt(now)
                || maxAge.map(age -> passwordExpiredAt(now, age)).orElse(false);
    }

    /** The user's password set by someone else: clears failures and lock, sets must-change and expiry. */
    public User passwordSetByOther(
            PasswordHash hash, Instant now, boolean mustChange, Optional<Instant> temporaryUntil) {
        return withNewPassword(hash, now, mustChange, mustChange ? temporaryUntil : Optional.empty());
    }

    /** The user changed their own password: clears must-change, temporary expiry, failures and lock. */
    public User passwordChangedBySelf(PasswordHash hash, Instant now) {
        return withNewPassword(hash, now, false, Optional.empty());
    }

    private User withNewPassword(PasswordHash hash, Instant now, boolean mustChange, Optional<Instant> temporaryUntil) {
        requireLocal();
        return with(copy -> {
            copy.passwordHash = Optional.of(hash);
            copy.passwordChangedAt = Optional.of(now);
            copy.mustChangePassword = mustChange;
            copy.temporaryPasswordExpiresAt = temporaryUntil;
            copy.logins = logins.cleared();
        });
    }

    /** Same password, stronger hash (rehash on login); nothing else changes. */
    public User rehashed(PasswordHash hash) {
        requireLocal();
        return with(copy -> copy.passwordHash = Optional.of(hash));
    }

    /** The same user with other login bookkeeping (stores call this when they read or count). */
    public User withLogins(LoginState newLogins) {
        return with(copy -> copy.logins = newLogins);
    }

    /** Set "must change at next login" on its own. */
    public User requirePasswordChange() {
        return with(copy -> copy.mustChangePassword = true);
    }

    public User withProfile(Profile newProfile) {
        return with(copy -> copy.profile = newProfile);
    }

    public User withPermissions(Set<Permission> newPermissions) {
        return with(copy -> copy.permissions = newPermissions);
    }

    public User withEnabled(boolean newEnabled) {
        return with(copy -> copy.enabled = newEnabled);
    }

    /** The same user whose password now lives in another provider. */
    public User withSource(Source.Provider provider) {
        if (source.isLocal()) {
            throw new IllegalStateException("a local user cannot be moved to a provider");
        }
        return with(copy -> copy.source = provider);
    }

    /** The same user at the given store version (stores call this when they persist an update). */
    public User atVersion(long newVersion) {
        return with(copy -> copy.version = newVersion);
    }

    /** This user with what {@code change} sets on a copy of it; validated like any new user. */
    private User with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** A mutable copy for the intention-revealing methods above: each changes what it names. Never escapes. */
    private static final class Copy {
        UserId id;
        Username username;
        Profile profile;
        Set<Permission> permissions;
        boolean enabled;
        Source source;
        Optional<PasswordHash> passwordHash;
        Optional<Instant> passwordChangedAt;
        boolean mustChangePassword;
        Optional<Instant> temporaryPasswordExpiresAt;
        LoginState logins;
        long version;

        Copy(User user) {
            id = user.id;
            username = user.username;
            profile = user.profile;
            permissions = user.permissions;
            enabled = user.enabled;
            source = user.source;
            passwordHash = user.passwordHash;
            passwordChangedAt = user.passwordChangedAt;
            mustChangePassword = user.mustChangePassword;
            temporaryPasswordExpiresAt = user.temporaryPasswordExpiresAt;
            logins = user.logins;
            version = user.version;
        }

        User build() {
            return new User(
                    id,
                    username,
                    profile,
                    permissions,
                    enabled,
                    source,
                    passwordHash,
                    passwordChangedAt,
                    mustChangePassword,
                    temporaryPasswordExpiresAt,
                    logins,
                    version);
        }
    }

    private void requireLocal() {
        if (!source.isLocal()) {
            throw new IllegalStateException("provider users have no local password");
        }
    }
}
