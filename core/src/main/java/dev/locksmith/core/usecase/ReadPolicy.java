package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.Services;

import java.util.Objects;
import java.util.Optional;

/** Any enabled user reads the password policy (the NIST default until one is saved). Thread-safe. */
public final class ReadPolicy {
    private final Services services;

    /** Obtained from {@code Locksmith#readPolicy()}; the constructor is not API. */
    @SuppressWarnings("exports")
    public ReadPolicy(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    /** Who reads. */
    public record Command(Username actor) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
        }
    }

    /**
     * The current policy.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the actor is unknown or disabled
     */
    public PasswordPolicy execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        return services.run(AuditEvent.Action.READ_POLICY, Optional.of(command.actor()), Optional.empty(), run -> {
            services.requireActor(run, command.actor(), Authorization.Action.READ_POLICY);
            return services.policy();
        });
    }
}
