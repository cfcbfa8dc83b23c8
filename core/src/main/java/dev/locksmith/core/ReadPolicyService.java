package dev.locksmith.core;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.usecase.ReadPolicy;
import java.util.Objects;
import java.util.Optional;

/** The implementation of {@link ReadPolicy}, built by {@link Locksmith}; not API. Thread-safe. */
final class ReadPolicyService implements ReadPolicy {
    private final Services services;

    ReadPolicyService(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public PasswordPolicy execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        return services.run(Operation.READ_POLICY, Optional.of(command.actor()), Optional.empty(), run -> {
            services.requireActor(run, command.actor(), Operation.READ_POLICY);
            return services.policy();
        });
    }
}
