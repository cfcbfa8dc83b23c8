package dev.locksmith.core.domain;

import java.util.Map;

/**
 * A backing system failed, is busy, or lost its connection while committing: database, directory, hashing
 * gate, corrupt or oversized stored hash. The reason is of kind {@link Reason.Kind#UNAVAILABLE} (nothing was
 * changed) or {@link Reason#OUTCOME_UNKNOWN} (the change may have been stored). Adapters translate their
 * technology's exceptions into this; the cause is kept for diagnosis but never carries secrets.
 */
public final class UnavailableException extends LocksmithException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(Reason reason, String message, Throwable cause) {
        super(requireInfra(reason), message, Map.of(), cause);
    }

    public UnavailableException(String message, Throwable cause) {
        this(Reason.UNAVAILABLE, message, cause);
    }

    private static Reason requireInfra(Reason reason) {
        boolean infrastructure = reason.kind() == Reason.Kind.UNAVAILABLE
                || (reason.kind() == Reason.Kind.OUTCOME_UNKNOWN
                        && !reason.name().startsWith("MAIL_"));
        if (!infrastructure) {
            throw new IllegalArgumentException("not an infrastructure reason: " + reason);
        }
        return reason;
    }
}
