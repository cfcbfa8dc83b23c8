package dev.locksmith.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A lockout: since when, and until when ({@code until} empty means until someone resets the failed-login
 * count). Immutable.
 */
public record Lock(Instant since, Optional<Instant> until) {
    public Lock {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        if (until.isPresent() && until.get().isBefore(since)) {
            throw new IllegalArgumentException("lock ends before it starts");
        }
    }

    /** Whether the lock is in force at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return until.map(now::isBefore).orElse(true);
    }
}
