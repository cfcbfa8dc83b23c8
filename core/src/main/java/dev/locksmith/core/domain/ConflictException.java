package dev.locksmith.core.domain;

import java.util.Map;

/**
 * A concurrent change won (optimistic concurrency), or a username is already taken
 * ({@link Reason#ALREADY_EXISTS}). Nothing of this request was applied; re-read and retry.
 */
public final class ConflictException extends LocksmithException {
    private static final long serialVersionUID = 1L;

    public ConflictException(Reason reason, String message, Map<String, String> parameters) {
        super(requireConflict(reason), message, parameters);
    }

    /** A concurrent modification of the named user. */
    public static ConflictException concurrentChange(Username username) {
        return new ConflictException(
                Reason.CONFLICT,
                "user was changed concurrently: " + username.value(),
                Map.of("username", username.value()));
    }

    /** The username is already taken. */
    public static ConflictException alreadyExists(Username username) {
        return new ConflictException(
                Reason.ALREADY_EXISTS,
                "user already exists: " + username.value(),
                Map.of("username", username.value()));
    }

    private static Reason requireConflict(Reason reason) {
        if (reason != Reason.CONFLICT && reason != Reason.ALREADY_EXISTS) {
            throw new IllegalArgumentException("not a conflict reason: " + reason);
        }
        return reason;
    }
}
