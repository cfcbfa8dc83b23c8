package dev.locksmith.core;

import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.Execution;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.usecase.BootstrapAdministrator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The implementation of {@link BootstrapAdministrator}, built by {@link Locksmith}; not API. Thread-safe. */
final class BootstrapAdministratorService implements BootstrapAdministrator {
    private final Services services;

    BootstrapAdministratorService(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        try {
            services.run(
                    Operation.BOOTSTRAP_ADMINISTRATOR,
                    Optional.empty(),
                    Optional.of(command.username()),
                    run -> {
                        requireBootstrappable(run, command);
                        PasswordPolicy policy = services.policy();
                        return () -> {
                            services.checks()
                                    .require(
                                            command.password(),
                                            policy,
                                            command.username(),
                                            command.profile(),
                                            PasswordChecks.Earlier.none());
                            return services.hasher().hash(command.password());
                        };
                    },
                    (run, hash) -> {
                        requireBootstrappable(run, command);
                        services.users()
                                .add(User.newLocal(
                                        command.username(),
                                        command.profile(),
                                        Set.of(Permission.ADMINISTRATOR),
                                        hash,
                                        run.now(),
                                        false,
                                        Optional.empty()));
                        // The count above takes turns with concurrent bootstraps (see UserAccounts), so a second one
                        // waits and then sees this administrator. A store that breaks that promise is still caught
                        // here when the other insert is visible: whichever sees another administrator rolls back.
                        if (services.users().countEnabledAdministrators() != 1) {
                            throw new ConflictException(
                                    Reason.CONFLICT,
                                    "another administrator was created concurrently",
                                    Map.of("username", command.username().value()));
                        }
                        return null;
                    });
        } finally {
            command.password().wipe();
        }
    }

    /** Refuses unless the store has no enabled administrator and the username is free and local. */
    private void requireBootstrappable(Execution run, Command command) {
        if (services.users().countEnabledAdministrators() > 0) {
            throw new AccessDeniedException(
                    Reason.DENIED_NOT_PERMITTED,
                    "an enabled administrator exists: bootstrap is only for an appliance without one",
                    Map.of("action", "BOOTSTRAP_ADMINISTRATOR"));
        }
        services.claimant(run, command.username()).ifPresent(provider -> {
            throw new AccessDeniedException(
                    Reason.DENIED_TARGET_MANAGED_BY_PROVIDER,
                    "the first administrator must be local; " + provider.name() + " manages "
                            + command.username().value(),
                    Map.of("action", "BOOTSTRAP_ADMINISTRATOR", "provider", provider.name()));
        });
        if (services.users().find(command.username()).isPresent()) {
            throw ConflictException.alreadyExists(command.username());
        }
    }
}
