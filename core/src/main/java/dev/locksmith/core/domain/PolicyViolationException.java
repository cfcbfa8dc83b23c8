package dev.locksmith.core.domain;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The new password breaks the password policy. Carries every violation at once; never the password. */
public final class PolicyViolationException extends LocksmithException {
    private static final long serialVersionUID = 1L;

    private final transient List<PolicyViolation> violations;

    public PolicyViolationException(List<PolicyViolation> violations) {
        super(
                Reason.POLICY_VIOLATED,
                "password policy violated: " + codes(violations),
                Map.of("violations", codes(violations)));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("at least one violation is required");
        }
        this.violations = List.copyOf(violations);
    }

    /** Every violation, in the order the rules were checked. */
    public List<PolicyViolation> violations() {
        return violations == null ? List.of() : violations;
    }

    private static String codes(List<PolicyViolation> violations) {
        return violations.stream().map(v -> v.code().name()).collect(Collectors.joining(","));
    }
}
