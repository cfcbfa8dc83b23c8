package dev.locksmith.core;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.usecase.ChangePolicy;
import java.util.Objects;
import java.util.Optional;

/** The implementation of {@link ChangePolicy}, built by {@link Locksmith}; not API. Thread-safe. */
final class ChangePolicyService implements ChangePolicy {
    private final Services services;

    ChangePolicyService(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        services.run(Operation.CHANGE_POLICY, Optional.of(command.actor()), Optional.empty(), run -> {
            services.requireActor(run, command.actor(), Operation.CHANGE_POLICY);
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
            run.detail(
                    "temporaryLifetime",
                    policy.temporaryLifetime().map(Object::toString).orElse("none"));
            run.detail("lockoutThreshold", policy.lockoutThreshold());
            run.detail(
                    "lockoutDuration",
                    policy.lockoutDuration().map(Object::toString).orElse("until reset"));
            return null;
        });
    }
}
