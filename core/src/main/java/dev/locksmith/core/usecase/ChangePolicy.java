package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Username;

/**
 * An administrator replaces the password policy. A minimum strength is refused when no strength estimator
 * is configured (it could never be checked). Applies to passwords set from now on. Implementations are thread-safe.
 */
public interface ChangePolicy {

    /** Who sets which policy (already validated by {@link PasswordPolicy}'s constructor). */
    public record Command(Username actor, PasswordPolicy policy) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(policy, "policy");
        }
    }

    /**
     * Saves the policy.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException unless the actor is an enabled administrator
     * @throws InvalidInputException {@code minStrength} when no strength estimator is configured
     */
    void execute(Command command);
}
