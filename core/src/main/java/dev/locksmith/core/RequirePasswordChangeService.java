package dev.locksmith.core;

import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.usecase.RequirePasswordChange;
import java.util.Objects;
import java.util.Optional;

/** The implementation of {@link RequirePasswordChange}, built by {@link Locksmith}; not API. Thread-safe. */
final class RequirePasswordChangeService implements RequirePasswordChange {
    private final Services services;

    RequirePasswordChangeService(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        services.run(
                Operation.REQUIRE_PASSWORD_CHANGE, Optional.of(command.actor()), Optional.of(command.target()), run -> {
                    Authorization.Actor actor =
                            services.requireActor(run, command.actor(), Operation.REQUIRE_PASSWORD_CHANGE);
                    User target =
                            services.requireTarget(run, actor, Operation.REQUIRE_PASSWORD_CHANGE, command.target());
                    if (!target.mustChangePassword()) {
                        services.users().update(target.requirePasswordChange());
                    }
                    return null;
                });
    }
}
