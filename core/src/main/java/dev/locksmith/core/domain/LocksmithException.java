package dev.locksmith.core.domain;

import java.util.Map;
import java.util.Objects;

/**
 * Root of every failure Locksmith reports. Unchecked; each subclass is one kind of failure and carries a
 * machine-readable {@link Reason} plus parameters. Messages and parameters never contain a password.
 */
public abstract class LocksmithException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final transient Map<String, String> parameters;

    protected LocksmithException(Reason reason, String message, Map<String, String> parameters, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.parameters = Map.copyOf(parameters);
    }

    protected LocksmithException(Reason reason, String message, Map<String, String> parameters) {
        this(reason, message, parameters, null);
    }

    /** The machine-readable reason. */
    public Reason reason() {
        return reason;
    }

    /** Parameters of the reason (field names, limits, provider names); never secrets. */
    public Map<String, String> parameters() {
        return parameters == null ? Map.of() : parameters;
    }
}
