package dev.locksmith.core;

import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.usecase.ResetFailedLogins;
import java.util.Objects;
import java.util.Optional;

/** The implementation of {@link ResetFailedLogins}, built by {@link Locksmith}; not API. Thread-safe. */
final class ResetFailedLoginsService implements ResetFailedLogins {
    private final Services services;

    ResetFailedLoginsService(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        services.run(
                Operation.RESET_FAILED_LOGINS, Optional.of(command.actor()), Optional.of(command.target()), run -> {
                    Authorization.Actor actor =
                            services.requireActor(run, command.actor(), Operation.RESET_FAILED_LOGINS);
                    User target = services.requireTarget(run, actor, Operation.RESET_FAILED_LOGINS, command.target());
                    // An atomic update of the login state alone: a burst of failed logins on the account can
                    // never make it conflict, and it never makes an administrator's edit conflict either.
                    LoginState before = services.users().resetFailedLogins(target.id());
                    run.detail("previousFailedLogins", before.failedLogins());
                    run.detail("wasLocked", before.lock().isPresent());
                    return null;
                });
    }
}
