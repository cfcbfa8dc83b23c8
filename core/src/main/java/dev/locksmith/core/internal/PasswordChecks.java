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
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.Blocklist;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.port.PasswordHistory;
import dev.locksmith.core.port.StrengthEstimator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole password policy: {@link PasswordRules} then the rules that need ports (blocklist, strength,
 * history), every violation collected before anything is thrown. Thread-safe.
 */
public final class PasswordChecks {
    private final Blocklist blocklist;
    private final Optional<StrengthEstimator> strengthEstimator;
    private final PasswordHistory history;
    private final PasswordHasher hasher;

    public PasswordChecks(
            Blocklist blocklist,
            Optional<StrengthEstimator> strengthEstimator,
            PasswordHistory history,
            PasswordHasher hasher) {
        this.blocklist = blocklist;
        this.strengthEstimator = strengthEstimator;
        this.history = history;
        this.hasher = hasher;
    }

    /**
     * Every violation of {@code policy} by a password someone sets for another user, or a new user's; empty when
     * it complies. Slow work (strength estimate): call it with no transaction held.
     *
     * <p>Such a password is never compared with the target's current or previous passwords: the answer would
     * tell the setter whether a guess of another user's password was right. Only a user's own change is
     * ({@link #hashOwnChange}).
     */
    public List<PolicyViolation> violations(
            Password password, PasswordPolicy policy, Username username, Profile profile) {
        return violations(password, policy, username, profile, Earlier.none());
    }

    /**
     * The hash of a password someone sets for another user, or a new user's, made once it complies with the
     * whole policy. Never compared with earlier passwords (see
     * {@link #violations(Password, PasswordPolicy, Username, Profile)}). Slow work: call it with no transaction
     * held.
     *
     * @throws PolicyViolationException with every violation
     */
    public PasswordHash hashCompliant(Password password, PasswordPolicy policy, Username username, Profile profile) {
        return hashCompliant(password, policy, username, profile, Earlier.none());
    }

    /**
     * The hash of a user's own new password, made once it complies with the whole policy and differs from the
     * {@code earlier} passwords read by {@link #earlierPasswords}. Slow work (a verification per earlier
     * password): call it with no transaction held.
     *
     * @throws PolicyViolationException with every violation
     */
    public PasswordHash hashOwnChange(Password password, PasswordPolicy policy, User user, Earlier earlier) {
        return hashCompliant(password, policy, user.username(), user.profile(), earlier);
    }

    private PasswordHash hashCompliant(
            Password password, PasswordPolicy policy, Username username, Profile profile, Earlier earlier) {
        List<PolicyViolation> violations = violations(password, policy, username, profile, earlier);
        if (!violations.isEmpty()) {
            throw new PolicyViolationException(violations);
        }
        return hasher.hash(password);
    }

    private List<PolicyViolation> violations(
            Password password, PasswordPolicy policy, Username username, Profile profile, Earlier earlier) {
        List<PolicyViolation> violations = new ArrayList<>(PasswordRules.check(password, policy, username, profile));
        if (blocklist.contains(password)) {
            violations.add(PolicyViolation.of(PolicyViolation.Code.COMMON_PASSWORD));
        }
        if (policy.minStrength() > 0) {
            StrengthEstimator estimator = strengthEstimator.orElseThrow(() -> new UnavailableException(
                    "the policy requires a minimum strength but no strength estimator is configured", null));
            StrengthEstimator.Strength strength =
                    estimator.estimate(password, PasswordRules.contextWords(username, profile));
            if (strength.score() < policy.minStrength()) {
                Map<String, String> parameters = new HashMap<>();
                parameters.put("score", String.valueOf(strength.score()));
                parameters.put("minimum", String.valueOf(policy.minStrength()));
                strength.feedback().ifPresent(f -> parameters.put("feedback", f));
                violations.add(new PolicyViolation(PolicyViolation.Code.TOO_WEAK, parameters));
            }
        }
        if (earlier.current().isPresent() && matches(password, earlier.current().get())) {
            violations.add(PolicyViolation.of(PolicyViolation.Code.SAME_AS_CURRENT));
        }
        for (PasswordHash previous : earlier.previous()) {
            if (matches(password, previous)) {
                violations.add(PolicyViolation.of(PolicyViolation.Code.RECENTLY_USED, "history", policy.historySize()));
                break;
            }
        }
        return List.copyOf(violations);
    }

    /**
     * The user's own earlier passwords a new one must differ from, read in a use case's read step: the current
     * one, and the policy's history. Only for a user's own change.
     */
    public Earlier earlierPasswords(User user, PasswordPolicy policy) {
        List<PasswordHash> previous =
                policy.historySize() > 0 ? history.recent(user.username(), policy.historySize()) : List.of();
        return new Earlier(user.passwordHash(), previous);
    }

    /** Earlier passwords of a user's own: the current one and previous ones (newest first). */
    public record Earlier(Optional<PasswordHash> current, List<PasswordHash> previous) {
        public Earlier {
            java.util.Objects.requireNonNull(current, "current");
            previous = List.copyOf(previous);
        }

        /** Nothing to compare with: a password set by someone else, or a new user. */
        public static Earlier none() {
            return new Earlier(Optional.empty(), List.of());
        }
    }

    /** A stored hash the hasher cannot read can never match: it must not block setting a new password. */
    private boolean matches(Password password, PasswordHash hash) {
        try {
            return hasher.verify(password, hash);
        } catch (UnavailableException e) {
            if (e.reason() == Reason.HASH_UNSUPPORTED) {
                return false;
            }
            throw e;
        }
    }
}
