package dev.locksmith.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's login bookkeeping: consecutive failed password checks, when the last one happened, the lock they
 * caused, and the last successful login. Kept apart from what the user's version guards (credentials,
 * profile, permissions): stores change it with atomic updates that never make a concurrent administration call
 * conflict. Immutable.
 *
 * @param failedLogins consecutive failed password checks that still count
 * @param lastFailureAt when the last of them happened
 * @param lock the lock they caused, if any (possibly ended: see {@link #isLockedAt})
 * @param lastLoginAt the last successful login
 */
public record LoginState(
        int failedLogins, Optional<Instant> lastFailureAt, Optional<Lock> lock, Optional<Instant> lastLoginAt) {
    private static final LoginState INITIAL = new LoginState(0, Optional.empty(), Optional.empty(), Optional.empty());

    public LoginState {
        Objects.requireNonNull(lastFailureAt, "lastFailureAt");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(lastLoginAt, "lastLoginAt");
        if (failedLogins < 0) {
            throw new IllegalArgumentException("failed login count is negative");
        }
    }

    /** No failure, no lock, never logged in. */
    public static LoginState initial() {
        return INITIAL;
    }

    /** Whether a lock is in force at {@code now}. */
    public boolean isLockedAt(Instant now) {
        return lock.map(l -> l.isActiveAt(now)).orElse(false);
    }

    /**
     * One more failed password check at {@code now}. The count starts again at 1 when a timed lock has ended
     * or when the previous failure is older than the rule's observation window; otherwise it goes up by one.
     * When it reaches the threshold (lockout on) and no lock is in force, the account is locked from
     * {@code now} for the rule's duration (or until reset).
     */
    public LoginState failed(Instant now, Rule rule) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(rule, "rule");
        boolean lockEnded = lock.isPresent() && !lock.get().isActiveAt(now);
        boolean outsideWindow = rule.observationWindow().isPresent()
                && lastFailureAt.isPresent()
                && !now.isBefore(
                        lastFailureAt.get().plus(rule.observationWindow().get()));
        boolean lockedNow = isLockedAt(now);
        int base = (lockEnded || (outsideWindow && !lockedNow)) ? 0 : failedLogins;
        int count = base == Integer.MAX_VALUE ? base : base + 1;
        Optional<Lock> newLock = lockEnded ? Optional.empty() : lock;
        if (rule.threshold() > 0 && count >= rule.threshold() && !lockedNow) {
            newLock = Optional.of(new Lock(now, rule.duration().map(now::plus)));
        }
        return new LoginState(count, Optional.of(now), newLock, lastLoginAt);
    }

    /** Count back to 0, lock cleared (a reset, or a password set): the last login stays. */
    public LoginState cleared() {
        return new LoginState(0, Optional.empty(), Optional.empty(), lastLoginAt);
    }

    /** A successful login at {@code now}: count back to 0, lock cleared, last login recorded. */
    public LoginState succeeded(Instant now) {
        return new LoginState(0, Optional.empty(), Optional.empty(), Optional.of(Objects.requireNonNull(now, "now")));
    }

    /**
     * The lockout settings: {@code threshold} consecutive failures lock (0: never), for {@code duration}
     * (empty: until reset); a failure more than {@code observationWindow} after the previous one starts the
     * count again (empty: never).
     */
    public record Rule(int threshold, Optional<Duration> duration, Optional<Duration> observationWindow) {
        public Rule {
            if (threshold < 0) {
                throw new IllegalArgumentException("threshold is negative");
            }
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(observationWindow, "observationWindow");
        }

        /** Lockout off and no window: failures only count. */
        public static Rule countOnly() {
            return new Rule(0, Optional.empty(), Optional.empty());
        }
    }
}
