package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.Username;
import java.util.Objects;
import java.util.Optional;

/**
 * How a login attempt ended: an expected outcome, so a value rather than an exception. Only outcomes that
 * the host may show are distinguished; the detail goes to the audit trail.
 *
 * <p>Only {@link Authenticated} is a login: {@link #loggedIn()} is true for it alone. {@link MustChangePassword}
 * and {@link PasswordExpired} say the password was right but the user may do nothing but change it (every
 * other use case denies such an actor {@code DENIED_PASSWORD_CHANGE_REQUIRED}); a host must not open a session
 * on them.
 *
 * <p>No account probing: a wrong password, an unknown username, and a locked account (whatever password is
 * given, so the lock is no oracle for guesses) all answer {@link Rejected}, after a password check of the same
 * cost; a disabled account answers {@link Disabled} only when the password was right (a wrong one is
 * {@link Rejected} and counted). {@link TemporaryPasswordExpired} is only returned when the password was right.
 * Immutable.
 */
public sealed interface AuthenticationOutcome {

    /** Whether this is a full login: true for {@link Authenticated} only. */
    default boolean loggedIn() {
        return this instanceof Authenticated;
    }

    /**
     * Whether the password was right but must be changed before anything else ({@link MustChangePassword},
     * {@link PasswordExpired}): not a login.
     */
    default boolean passwordChangeRequired() {
        return this instanceof MustChangePassword || this instanceof PasswordExpired;
    }

    /**
     * Logged in.
     *
     * @param provider the security provider that checked the password, empty when it was checked here
     */
    record Authenticated(Username username, Optional<String> provider) implements AuthenticationOutcome {
        public Authenticated {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(provider, "provider");
        }

        /** Logged in with a local password. */
        public Authenticated(Username username) {
            this(username, Optional.empty());
        }
    }

    /** The password was right, but it was set by someone else: the only thing allowed now is changing it. */
    record MustChangePassword(Username username) implements AuthenticationOutcome {
        public MustChangePassword {
            Objects.requireNonNull(username, "username");
        }
    }

    /** The password was right, but it is older than the policy's maximum age: it must be changed now. */
    record PasswordExpired(Username username) implements AuthenticationOutcome {
        public PasswordExpired {
            Objects.requireNonNull(username, "username");
        }
    }

    /** Wrong username or password, or a locked account (which one is not said). */
    record Rejected() implements AuthenticationOutcome {}

    /** The temporary password set by someone else was right but has expired; ask for a new one. */
    record TemporaryPasswordExpired() implements AuthenticationOutcome {}

    /** The password was right, but the account is disabled. */
    record Disabled() implements AuthenticationOutcome {}

    /**
     * The password lives in the named security provider, which cannot check it here (an LDIF provider knows
     * only which usernames it manages): authenticate there.
     */
    record UseProvider(String providerName) implements AuthenticationOutcome {
        public UseProvider {
            Objects.requireNonNull(providerName, "providerName");
        }
    }

    /**
     * The directory that manages (or may manage) this username could not be reached: no answer about the
     * password either way, and nothing counted. Try again later.
     *
     * @param providerName the provider, when known (empty: a claim could not be checked)
     */
    record ProviderUnavailable(Optional<String> providerName) implements AuthenticationOutcome {
        public ProviderUnavailable {
            Objects.requireNonNull(providerName, "providerName");
        }
    }
}
