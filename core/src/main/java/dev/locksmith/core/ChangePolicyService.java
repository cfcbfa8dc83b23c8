package dev.locksmith.core;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.StrengthEstimator;
import dev.locksmith.core.usecase.ChangePolicy;
import java.util.Optional;

/** The implementation of {@link ChangePolicy}, built by {@link Locksmith}; not API. Thread-safe. */
record ChangePolicyService(UseCaseRunner runner, PolicyStore policies, Optional<StrengthEstimator> strengthEstimator)
        implements ChangePolicy {
    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        PasswordPolicy policy = command.policy();
        runner.runAs(Operation.CHANGE_POLICY, command.actor(), Optional.empty(), (run, actor) -> {
            if (policy.minStrength() > 0 && strengthEstimator.isEmpty()) {
                throw new InvalidInputException("minStrength", "no strength estimator is configured");
            }
            policies.save(policy);
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
