package dev.locksmith.core.domain;

import java.util.Map;

/**
 * The authorization matrix refused the request; {@link #reason()} names the rule. Nothing was changed and
 * the denial was audited.
 */
public final class AccessDeniedException extends LocksmithException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(Reason reason, String message) {
        this(reason, message, Map.of());
    }

    public AccessDeniedException(Reason reason, String message, Map<String, String> parameters) {
        super(requireDenial(reason), message, parameters);
    }

    private static Reason requireDenial(Reason reason) {
        if (!reason.isDenial()) {
            throw new IllegalArgumentException("not a denial reason: " + reason);
        }
        return reason;
    }
}
