package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.Services;

import java.util.Objects;
import java.util.Optional;

/**
 * An administrator replaces the password policy. A minimum strength is refused when no strength estimator
 * is configured (it could never be checked). Applies to passwords set from now on. Thread-safe.
 */
public final class ChangePolicy {
    private final Services services;

    /** Obtained from {@code Locksmith#changePolicy()}; the constructor is not API. */
    @SuppressWarnings("exports")
    public ChangePolicy(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

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
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        services.run(AuditEvent.Action.CHANGE_POLICY, Optional.of(command.actor()), Optional.empty(), run -> {
            services.requireActor(run, command.actor(), Authorization.Action.CHANGE_POLICY);
            PasswordPolicy policy = command.policy();
            if (policy.minStrength() > 0 && services.strengthEstimator().isEmpty()) {
                throw new InvalidInputException("minStrength", "no strength estimator is configured");
            }
            services.policies().save(policy);
            run.detail("minLength", policy.minLength());
            run.detail("maxLength", policy.maxLength());
            run.detail("complex", policy.complex());
            run.detail("minStrength", policy.minStrength());
            run.detail("historySize", policy.historySize());
            run.detail("bannedWords", policy.bannedWords().size());
            run.detail("maxAge", policy.maxAge().map(Object::toString).orElse("none"));
            run.detail("temporaryLifetime", policy.temporaryLifetime().map(Object::toString).orElse("none"));
            run.detail("lockoutThreshold", policy.lockoutThreshold());
            run.detail("lockoutDuration", policy.lockoutDuration().map(Object::toString).orElse("until reset"));
            return null;
        });
    }
}
