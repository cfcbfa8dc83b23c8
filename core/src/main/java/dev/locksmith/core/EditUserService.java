package dev.locksmith.core;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.usecase.EditUser;

/** The implementation of {@link EditUser}, built by {@link Locksmith}; not API. Thread-safe. */
record EditUserService(UseCaseRunner runner, UserAccounts users) implements EditUser {
    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        runner.runOnTarget(Operation.EDIT_USER, command.actor(), command.target(), (run, actor, target) -> {
            if (command.enabled().isPresent() && !command.enabled().get() && target.enabled()) {
                runner.requireAllowed(run, actor, Operation.DISABLE_USER, target);
            }
            if (command.permissions().isPresent()
                    && target.isAdministrator()
                    && !command.permissions().get().contains(Permission.ADMINISTRATOR)) {
                runner.requireAllowed(run, actor, Operation.REVOKE_ADMINISTRATOR, target);
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
                users.update(changed);
            }
            return null;
        });
    }
}
