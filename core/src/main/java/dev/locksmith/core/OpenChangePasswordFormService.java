package dev.locksmith.core;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.internal.Policies;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.Mailer;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.usecase.OpenChangePasswordForm;

/** The implementation of {@link OpenChangePasswordForm}, built by {@link Locksmith}; not API. Thread-safe. */
record OpenChangePasswordFormService(UseCaseRunner runner, PolicyStore policies, Mailer mailer)
        implements OpenChangePasswordForm {
    @Override
    public Result execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        return runner.runOnTarget(
                Operation.OPEN_CHANGE_PASSWORD_FORM, command.actor(), command.target(), (run, actor, target) -> {
                    boolean offered =
                            mailer.isConfigured() && target.profile().email().isPresent();
                    run.detail("emailPasswordOffered", offered);
                    return new Result(
                            target.username(),
                            target.profile().publicName(),
                            target.profile().privateName(),
                            target.profile().email(),
                            target.profile().comments(),
                            offered,
                            Policies.inForce(policies));
                });
    }
}
