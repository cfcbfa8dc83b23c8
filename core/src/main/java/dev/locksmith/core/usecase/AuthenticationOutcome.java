package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.Username;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a login attempt ended: an expected outcome, so a value rather than an exception. Only outcomes that
 * the host may show are distinguished; the detail goes to the audit trail. {@link Locked} and
 * {@link Disabled} are returned for such an account whatever password was given (the password is not checked
 * against the account, so the lock is no oracle for guesses; a host that must not reveal that the account
 * exists shows them like {@link Rejected}). {@link TemporaryPasswordExpired} is only returned when the password
 * was right. A wrong password or an unknown username gives {@link Rejected}, or {@link Locked} for the
 * attempt that reached the lockout threshold. Immutable.
 */
public sealed interface AuthenticationOutcome {

    /** Whether the user may proceed (possibly only to change the password). */
    default boolean succeeded() {
        return this instanceof Authenticated || this instanceof MustChangePassword || this instanceof PasswordExpired;
    }

    /** Logged in. */
    record Authenticated(Username username) implements AuthenticationOutcome {
        public Authenticated {
            Objects.requireNonNull(username, "username");
        }
    }

    /** Logged in, but the only thing allowed now is changing the password (it was set by someone else). */
    record MustChangePassword(Username username) implements AuthenticationOutcome {
        public MustChangePassword {
            Objects.requireNonNull(username, "username");
        }
    }

    /** Logged in, but the password is older than the policy's maximum age and must be changed now. */
    record PasswordExpired(Username username) implements AuthenticationOutcome {
        public PasswordExpired {
            Objects.requireNonNull(username, "username");
        }
    }

    /** Wrong username or password (which one is not said). */
    record Rejected() implements AuthenticationOutcome {
    }

    /** The account is locked after too many failures, until {@code until} (empty: until someone resets it). */
    record Locked(Optional<Instant> until) implements AuthenticationOutcome {
        public Locked {
            Objects.requireNonNull(until, "until");
        }
    }

    /** The temporary password set by someone else has expired; ask for a new one. */
    record TemporaryPasswordExpired() implements AuthenticationOutcome {
    }

    /** The account is disabled. */
    record Disabled() implements AuthenticationOutcome {
    }

    /** The password lives in the named security provider: authenticate there. */
    record UseProvider(String providerName) implements AuthenticationOutcome {
        public UseProvider {
            Objects.requireNonNull(providerName, "providerName");
        }
    }
}
