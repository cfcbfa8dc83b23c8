package dev.locksmith.core;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.internal.Policies;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.usecase.ReadPolicy;
import java.util.Optional;

/** The implementation of {@link ReadPolicy}, built by {@link Locksmith}; not API. Thread-safe. */
record ReadPolicyService(UseCaseRunner runner, PolicyStore policies) implements ReadPolicy {
    @Override
    public PasswordPolicy execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        return runner.runAs(
                Operation.READ_POLICY, command.actor(), Optional.empty(), (run, actor) -> Policies.inForce(policies));
    }
}
