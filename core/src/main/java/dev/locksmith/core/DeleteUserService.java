package dev.locksmith.core;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.PasswordHistory;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.usecase.DeleteUser;

/** The implementation of {@link DeleteUser}, built by {@link Locksmith}; not API. Thread-safe. */
record DeleteUserService(UseCaseRunner runner, UserAccounts users, PasswordHistory history) implements DeleteUser {
    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        runner.runOnTarget(Operation.DELETE_USER, command.actor(), command.target(), (run, actor, target) -> {
            users.remove(target.id(), target.version());
            history.forget(target.username());
            return null;
        });
    }
}
