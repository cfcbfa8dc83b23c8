package dev.locksmith.core.domain;

import java.util.Map;

/**
 * A backing system failed: database, directory data, corrupt stored hash. Adapters translate their
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
        if (reason != Reason.UNAVAILABLE && reason != Reason.HASH_UNSUPPORTED) {
            throw new IllegalArgumentException("not an infrastructure reason: " + reason);
        }
        return reason;
    }
}
