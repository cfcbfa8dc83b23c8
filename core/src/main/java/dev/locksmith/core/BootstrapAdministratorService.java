package dev.locksmith.core;

import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.Execution;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.Policies;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.usecase.BootstrapAdministrator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The implementation of {@link BootstrapAdministrator}, built by {@link Locksmith}; not API. Thread-safe. */
record BootstrapAdministratorService(
        UseCaseRunner runner, UserAccounts users, PolicyStore policies, PasswordChecks checks)
        implements BootstrapAdministrator {
    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        try (Password password = command.password()) {
            runner.run(
                    Operation.BOOTSTRAP_ADMINISTRATOR,
                    Optional.empty(),
                    Optional.of(command.username()),
                    run -> {
                        requireBootstrappable(run, command);
                        PasswordPolicy policy = Policies.inForce(policies);
                        return () -> checks.hashCompliant(password, policy, command.username(), command.profile());
                    },
                    (run, hash) -> {
                        requireBootstrappable(run, command);
                        users.add(User.newLocal(
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
                        if (users.countEnabledAdministrators() != 1) {
                            throw new ConflictException(
                                    Reason.CONFLICT,
                                    "another administrator was created concurrently",
                                    Map.of("username", command.username().value()));
                        }
                        return null;
                    });
        }
    }

    /** Refuses unless the store has no enabled administrator and the username is free and local. */
    private void requireBootstrappable(Execution run, Command command) {
        if (users.countEnabledAdministrators() > 0) {
            throw new AccessDeniedException(
                    Reason.DENIED_NOT_PERMITTED,
                    "an enabled administrator exists: bootstrap is only for an appliance without one",
                    Map.of("action", "BOOTSTRAP_ADMINISTRATOR"));
        }
        runner.claimant(run, command.username()).ifPresent(provider -> {
            throw new AccessDeniedException(
                    Reason.DENIED_TARGET_MANAGED_BY_PROVIDER,
                    "the first administrator must be local; " + provider.name() + " manages "
                            + command.username().value(),
                    Map.of("action", "BOOTSTRAP_ADMINISTRATOR", "provider", provider.name()));
        });
        if (users.find(command.username()).isPresent()) {
            throw ConflictException.alreadyExists(command.username());
        }
    }
}
