package dev.locksmith.core;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.usecase.ResetFailedLogins;

/** The implementation of {@link ResetFailedLogins}, built by {@link Locksmith}; not API. Thread-safe. */
record ResetFailedLoginsService(UseCaseRunner runner, UserAccounts users) implements ResetFailedLogins {
    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        runner.runOnTarget(Operation.RESET_FAILED_LOGINS, command.actor(), command.target(), (run, actor, target) -> {
            // An atomic update of the login state alone: a burst of failed logins on the account can never make
            // it conflict, and it never makes an administrator's edit conflict either.
            LoginState before = users.resetFailedLogins(target.id());
            run.detail("previousFailedLogins", before.failedLogins());
            run.detail("wasLocked", before.lock().isPresent());
            return null;
        });
    }
}
