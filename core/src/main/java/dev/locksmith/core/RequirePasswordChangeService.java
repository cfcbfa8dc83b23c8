package dev.locksmith.core;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.usecase.RequirePasswordChange;

/** The implementation of {@link RequirePasswordChange}, built by {@link Locksmith}; not API. Thread-safe. */
record RequirePasswordChangeService(UseCaseRunner runner, UserAccounts users) implements RequirePasswordChange {
    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        runner.runOnTarget(
                Operation.REQUIRE_PASSWORD_CHANGE, command.actor(), command.target(), (run, actor, target) -> {
                    if (!target.mustChangePassword()) {
                        users.update(target.requirePasswordChange());
                    }
                    return null;
                });
    }
}
