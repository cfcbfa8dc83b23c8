package dev.locksmith.core.internal;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.PasswordRules;
import dev.locksmith.core.domain.PolicyViolation;
import dev.locksmith.core.domain.PolicyViolationException;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.StrengthEstimator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole password policy: {@link PasswordRules} then the rules that need ports (blocklist, strength,
 * history), every violation collected before anything is thrown. Stateless; thread-safe.
 */
public final class PasswordChecks {
    private final Services services;

    PasswordChecks(Services services) {
        this.services = services;
    }

    /** Which earlier passwords the new one must differ from. */
    public enum History {
        /** None (a new user). */
        NONE,
        /** The current one and the policy's history, only when the policy keeps a history (set by someone else). */
        POLICY,
        /** The current one always, plus the policy's history (the user's own change). */
        CURRENT_AND_POLICY
    }

    /**
     * Every violation of {@code policy} by {@code password} for this user; empty when it complies.
     *
     * @param current the user's current hash, if any
     */
    public List<PolicyViolation> violations(Password password, PasswordPolicy policy, Username username, Profile profile,
                                            Optional<PasswordHash> current, History history) {
        List<PolicyViolation> violations = new ArrayList<>(PasswordRules.check(password, policy, username, profile));
        if (services.blocklist().contains(password)) {
            violations.add(PolicyViolation.of(PolicyViolation.Code.COMMON_PASSWORD));
        }
        if (policy.minStrength() > 0) {
            StrengthEstimator estimator = services.strengthEstimator().orElseThrow(() -> new UnavailableException(
                    "the policy requires a minimum strength but no strength estimator is configured", null));
            StrengthEstimator.Strength strength = estimator.estimate(password, PasswordRules.contextWords(username, profile));
            if (strength.score() < policy.minStrength()) {
                Map<String, String> parameters = new HashMap<>();
                parameters.put("score", String.valueOf(strength.score()));
                parameters.put("minimum", String.valueOf(policy.minStrength()));
                strength.feedback().ifPresent(f -> parameters.put("feedback", f));
                violations.add(new PolicyViolation(PolicyViolation.Code.TOO_WEAK, parameters));
            }
        }
        boolean checkCurrent = history == History.CURRENT_AND_POLICY
                || (history == History.POLICY && policy.historySize() > 0);
        if (checkCurrent && current.isPresent() && matches(password, current.get())) {
            violations.add(PolicyViolation.of(PolicyViolation.Code.SAME_AS_CURRENT));
        }
        if (history != History.NONE && policy.historySize() > 0) {
            for (PasswordHash previous : services.history().recent(username, policy.historySize())) {
                if (matches(password, previous)) {
                    violations.add(PolicyViolation.of(PolicyViolation.Code.RECENTLY_USED, "history", policy.historySize()));
                    break;
                }
            }
        }
        return List.copyOf(violations);
    }

    /**
     * Throws when {@link #violations} is not empty.
     *
     * @throws PolicyViolationException with every violation
     */
    public void require(Password password, PasswordPolicy policy, Username username, Profile profile,
                        Optional<PasswordHash> current, History history) {
        List<PolicyViolation> violations = violations(password, policy, username, profile, current, history);
        if (!violations.isEmpty()) {
            throw new PolicyViolationException(violations);
        }
    }

    /** A stored hash the hasher cannot read can never match: it must not block setting a new password. */
    private boolean matches(Password password, PasswordHash hash) {
        try {
            return services.hasher().verify(password, hash);
        } catch (UnavailableException e) {
            if (e.reason() == Reason.HASH_UNSUPPORTED) {
                return false;
            }
            throw e;
        }
    }
}
