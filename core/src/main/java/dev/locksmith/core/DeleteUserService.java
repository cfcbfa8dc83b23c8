package dev.locksmith.core;

import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.usecase.DeleteUser;
import java.util.Objects;
import java.util.Optional;

/** The implementation of {@link DeleteUser}, built by {@link Locksmith}; not API. Thread-safe. */
final class DeleteUserService implements DeleteUser {
    private final Services services;

    DeleteUserService(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        services.run(Operation.DELETE_USER, Optional.of(command.actor()), Optional.of(command.target()), run -> {
            Authorization.Actor actor = services.requireActor(run, command.actor(), Operation.DELETE_USER);
            User target = services.requireTarget(run, actor, Operation.DELETE_USER, command.target());
            services.users().remove(target.id(), target.version());
            services.history().forget(target.username());
            return null;
        });
    }
}
