package dev.locksmith.core;

import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.usecase.EditUser;
import java.util.Objects;
import java.util.Optional;

/** The implementation of {@link EditUser}, built by {@link Locksmith}; not API. Thread-safe. */
final class EditUserService implements EditUser {
    private final Services services;

    EditUserService(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        services.run(Operation.EDIT_USER, Optional.of(command.actor()), Optional.of(command.target()), run -> {
            Authorization.Actor actor = services.requireActor(run, command.actor(), Operation.EDIT_USER);
            User target = services.requireTarget(run, actor, Operation.EDIT_USER, command.target());
            if (command.enabled().isPresent() && !command.enabled().get() && target.enabled()) {
                services.requireAllowed(run, actor, Operation.DISABLE_USER, target);
            }
            if (command.permissions().isPresent()
                    && target.isAdministrator()
                    && !command.permissions().get().contains(Permission.ADMINISTRATOR)) {
                services.requireAllowed(run, actor, Operation.REVOKE_ADMINISTRATOR, target);
            }
            User changed = target;
            if (command.profile().isPresent()) {
                changed = changed.withProfile(command.profile().get());
                run.detail("profile", "changed");
            }
            if (command.enabled().isPresent()) {
                changed = changed.withEnabled(command.enabled().get());
                run.detail("enabled", command.enabled().get());
            }
            if (command.permissions().isPresent()) {
                changed = changed.withPermissions(command.permissions().get());
                run.detail("permissions", command.permissions().get());
            }
            if (!changed.equals(target)) {
                services.users().update(changed);
            }
            return null;
        });
    }
}
